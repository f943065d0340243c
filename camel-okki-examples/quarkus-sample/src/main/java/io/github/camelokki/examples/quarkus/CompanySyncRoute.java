package io.github.camelokki.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.logging.Logger;

/**
 * Polls OKKI's company list and hands every new or changed company to {@link CompanyCollector}. The connection
 * (base URL, client id and secret) comes from the component configuration ({@code camel.component.okki.*} in
 * {@code application.properties}), not from this URI. The route is built only once {@link OkkiTarget} has found
 * credentials; it logs the target first.
 */
@ApplicationScoped
public class CompanySyncRoute extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(CompanySyncRoute.class);

    @Inject
    CompanyCollector collector;

    @Inject
    OkkiTarget target;

    @Override
    public void configure() {
        LOG.info(target.describe());
        from("okki:company/list?delay={{okki.sample.poll-delay}}&initialDelay={{okki.sample.initial-delay}}")
                .routeId("okki-company-sync")
                .log("OKKI company ${header.CamelOkkiRecordId} ${body[name]}, updated ${header.CamelOkkiUpdateTime}")
                .process(exchange -> collector.add(exchange.getMessage().getHeader("CamelOkkiRecordId")));
    }
}
