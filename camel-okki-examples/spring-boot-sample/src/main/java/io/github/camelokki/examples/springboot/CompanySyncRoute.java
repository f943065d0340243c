package io.github.camelokki.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Polls OKKI's company list and hands every new or changed company to {@link CompanyCollector}. The connection
 * (base URL, client id and secret) comes from the component configuration, not from this URI; {@link OkkiTarget}
 * has checked it before this route is built.
 */
@Component
public class CompanySyncRoute extends RouteBuilder {

    private final CompanyCollector collector;

    /** Takes the {@link OkkiTarget} only to be built after it: without credentials there is no route to start. */
    public CompanySyncRoute(CompanyCollector collector, OkkiTarget target) {
        this.collector = collector;
    }

    @Override
    public void configure() {
        from("okki:company/list?delay={{okki.sample.poll-delay}}&initialDelay={{okki.sample.initial-delay}}")
                .routeId("okki-company-sync")
                .log("OKKI company ${header.CamelOkkiRecordId} ${body[name]}, updated ${header.CamelOkkiUpdateTime}")
                .process(exchange -> collector.add(exchange.getMessage().getHeader("CamelOkkiRecordId")));
    }
}
