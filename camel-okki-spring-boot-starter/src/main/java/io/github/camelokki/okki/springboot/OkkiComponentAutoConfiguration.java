package io.github.camelokki.okki.springboot;

import java.util.Map;
import java.util.Set;

import io.github.camelokki.okki.OkkiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures every okki component Camel creates from the {@code camel.component.okki.*} properties, as the
 * auto-configuration of each of Camel's own component starters does. {@code camel.component.okki.enabled=false} (or
 * {@code camel.component.enabled=false}) turns it off; {@code camel.component.okki.customizer.enabled=false} keeps
 * the properties bound but leaves the component alone.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", OkkiComponentConfiguration.PREFIX })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, OkkiComponentConfiguration.class })
public class OkkiComponentAutoConfiguration {

    /** Not copied with the others: the starter's own switches, and {@code configuration}, which goes first. */
    private static final Set<String> NOT_COPIED = Set.of("enabled", "customizer", "configuration");

    /** Binds the options that take an object ({@code #bean:okkiState}) to the Spring bean they name. */
    @Bean
    @ConfigurationPropertiesBinding
    static OkkiComponentConverter okkiComponentConverter(ApplicationContext applicationContext) {
        return new OkkiComponentConverter(applicationContext);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureOkkiComponent(CamelContext camelContext,
            OkkiComponentConfiguration configuration, ApplicationContext applicationContext) {
        return ComponentCustomizer.builder(OkkiComponent.class)
                .withCondition((name, component) -> HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", OkkiComponentConfiguration.PREFIX + ".customizer"))
                .build(component -> configure(camelContext, configuration, component));
    }

    /**
     * Sets the options on the component through its generated configurer. A whole {@code configuration} bean goes
     * first, so that the single options refine it instead of being replaced by it.
     */
    private static void configure(CamelContext camelContext, OkkiComponentConfiguration configuration,
            OkkiComponent component) {
        if (configuration.getConfiguration() != null) {
            component.setConfiguration(configuration.getConfiguration());
        }
        Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        options.keySet().removeAll(NOT_COPIED);
        // removes each option it could set: what is left, the component does not have
        CamelPropertiesHelper.setCamelProperties(camelContext, component, options, false);
        if (!options.isEmpty()) {
            // names only: the values may be secrets
            throw new IllegalStateException("The okki component has no option " + options.keySet()
                    + ": camel-okki-starter and camel-okki must be of the same version");
        }
    }
}
