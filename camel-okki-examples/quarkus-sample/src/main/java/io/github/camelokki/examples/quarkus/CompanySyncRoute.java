package io.github.camelokki.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls OKKI's company list and hands every new or changed company to {@link CompanyCollector}. The connection
 * (base URL, client id and secret) comes from the component configuration ({@code camel.component.okki.*} in
 * {@code application.properties}), not from this URI.
 */
@ApplicationScoped
public class CompanySyncRoute extends RouteBuilder {

    @Inject
    CompanyCollector collector;

    @Override
    public void configure() {
        from("okki:company/list?delay={{okki.sample.poll-delay}}&initialDelay={{okki.sample.initial-delay}}")
                .routeId("okki-company-sync")
                .log("OKKI company ${header.CamelOkkiRecordId} ${body[name]}, updated ${header.CamelOkkiUpdateTime}")
                .process(exchange -> collector.add(exchange.getMessage().getHeader("CamelOkkiRecordId")));
    }
}
