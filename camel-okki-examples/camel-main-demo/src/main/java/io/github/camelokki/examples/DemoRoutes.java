package io.github.camelokki.examples;

import java.util.Map;

import io.github.camelokki.okki.OkkiConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's job: walk every customer page by page, look one customer up, and (against the simulator, or when writes
 * are allowed) create a lead.
 */
public class DemoRoutes extends RouteBuilder {

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
                .to("okki:company/list?allPages=true&pageSize=2")
                .log("OKKI reports ${header.CamelOkkiTotal} customers")
                .split(body()).streaming()
                    .process(e -> report.company(e.getMessage().getBody(Map.class)))
                    .log("  customer ${body[company_id]} ${body[name]} (${body[country]}), updated ${body[update_time]}")
                .end()
                .setBody(constant(null))
                .setHeader(OkkiConstants.ID, () -> report.companyIds().size() >= 3 ? report.companyIds().get(2) : null)
                .filter(header(OkkiConstants.ID).isNotNull())
                    .to("okki:company/info")
                    .process(e -> report.detail(e.getMessage().getBody(Map.class)))
                    .log("Customer ${body[name]} has ${body[customers].size()} contact(s)")
                .end()
                .choice().when(constant(writes))
                    .setBody(constant(Map.of("name", "Camel demo lead", "country", "DE",
                            "customers", java.util.List.of(Map.of("name", "Demo Contact", "email", "demo@example.com")))))
                    .to("okki:lead/push")
                    .process(e -> report.lead(e.getMessage().getBody(Map.class)))
                    .log("Created lead ${body[lead_id]}")
                .otherwise()
                    .log("Skipping the lead push: writes to a real OKKI account need OKKI_ALLOW_WRITES=true")
                .end()
                .process(e -> report.done());
    }
}
