package io.github.camelokki.examples;

import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's job: walk every customer page by page, look one customer up, and (against the simulator, or when writes
 * are allowed) create a lead.
 */
public class DemoRoutes extends RouteBuilder {

    /**
     * Records asked for per list call: the component's default. OKKI's list operations take a count per page (their
     * examples use 10 or 20); a larger page means fewer calls for the same records.
     */
    static final int PAGE_SIZE = 100;

    private final boolean writes;
    private final DemoReport report;

    public DemoRoutes(boolean writes, DemoReport report) {
        this.writes = writes;
        this.report = report;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log("OKKI demo failed: ${exception.message}")
                .process(e -> report.failed(e.getProperty("CamelExceptionCaught", Exception.class)));

        from("timer:okki-demo?repeatCount=1").routeId("okki-demo")
                .log("Listing every OKKI customer, page by page")
                .to("okki:company/list?allPages=true&pageSize=" + PAGE_SIZE)
                .log("OKKI reports ${header.CamelOkkiTotal} customers")
                .split(body()).streaming()
                    .process(e -> report.company(e.getMessage().getBody(Map.class)))
                    .log("  customer ${body[company_id]} ${body[name]} (${body[country]}), updated ${body[update_time]}")
                .end()
                .setBody(constant(null))
                .setHeader(OkkiConstants.ID, () -> report.companyIds().size() >= 3 ? report.companyIds().get(2) : null)
                .filter(header(OkkiConstants.ID).isNotNull())
                    .to("okki:company/info")
                    .process(e -> {
                        Map<?, ?> company = e.getMessage().getBody(Map.class);
                        report.detail(company);
                        // a company without contacts may come without the customers member
                        e.setProperty("contacts", company.get("customers") instanceof List<?> l ? l.size() : 0);
                    })
                    .log("Customer ${body[name]} has ${exchangeProperty.contacts} contact(s)")
                .end()
                .choice().when(constant(writes))
                    .setBody(constant(Map.of("name", "Camel demo lead", "country", "DE",
                            "customers", List.of(Map.of("name", "Demo Contact", "email", "demo@example.com")))))
                    .to("okki:lead/push")
                    .process(e -> report.lead(e.getMessage().getBody(Map.class)))
                    .log("Created lead ${body[lead_id]}")
                .otherwise()
                    .log("Skipping the lead push: writes to a real OKKI account need OKKI_ALLOW_WRITES=true")
                .end()
                .process(e -> report.done());
    }
}
