package io.github.camelokki.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelokki.okki.OkkiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Applies the {@code camel.component.okki.*} Spring Boot properties to the okki component.
 * <p>
 * Camel Spring Boot 4.17 binds {@code camel.component.<name>.*} only for components that have a Spring Boot starter
 * (each starter generates its own auto-configuration); camel-okki has none, so without this bean the properties are
 * silently ignored. This is the part of a starter the sample needs: it binds the properties (placeholders resolved by
 * Spring) through camel-okki's generated configurer and fails on an unknown option.
 */
@Configuration(proxyBeanMethods = false)
public class OkkiComponentConfiguration {

    static final String PREFIX = "camel.component.okki";

    @Bean
    ComponentCustomizer okkiComponentCustomizer(Environment environment) {
        return ComponentCustomizer.forType(OkkiComponent.class, component -> {
            Map<String, String> bound = Binder.get(environment)
                    .bind(PREFIX, Bindable.mapOf(String.class, String.class))
                    .orElse(Map.of());
            Map<String, Object> properties = new LinkedHashMap<>();
            bound.forEach((key, value) -> properties.put(StringHelper.dashToCamelCase(key), value));
            CamelContext context = component.getCamelContext();
            PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("okki-component", context);
            PropertyBindingSupport.build()
                    .withCamelContext(context)
                    .withTarget(component)
                    .withConfigurer(configurer)
                    .withProperties(properties)
                    .withIgnoreCase(true)
                    .withMandatory(true)
                    .withRemoveParameters(false)
                    .bind();
        });
    }
}
