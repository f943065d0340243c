package io.github.camelokki.okki.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiComponentConfigurer;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.auth.GrantType;
import io.github.camelokki.okki.catalog.BodyType;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.util.StringHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Spring Boot applications with camel-okki-starter on the classpath (auto-configuration found through its
 * AutoConfiguration.imports, as in an application) and checks what reaches the okki component.
 */
class OkkiComponentAutoConfigurationTest {

    private static final String PREFIX = "camel.component.okki.";

    /** Every component option but {@code configuration}: its name, a property value, and what the component holds. */
    private static final List<Option> OPTIONS = List.of(
            new Option("baseUrl", "http://okki.test:8089", "http://okki.test:8089"),
            new Option("pageSize", "50", 50),
            new Option("bridgeErrorHandler", "true", true),
            new Option("claimBeforeRouting", "true", true),
            new Option("idempotentCacheSize", "500", 500),
            new Option("maxSliceRecords", "2000", 2000),
            new Option("idempotentRepository", "okkiKeys", new BeanRef("okkiKeys")),
            new Option("idField", "company_id", "company_id"),
            new Option("includeDeleted", "true", true),
            new Option("initialSync", "now", "now"),
            new Option("overlap", "2m", 120_000L),
            new Option("splitResult", "false", false),
            new Option("readAhead", "false", false),
            new Option("readAheadPages", "4", 4),
            new Option("stateRepository", "#bean:okkiState", new BeanRef("okkiState")),
            new Option("allPages", "true", true),
            new Option("bodyType", "form", BodyType.FORM),
            new Option("lazyStartProducer", "true", true),
            new Option("outputClass", "com.fasterxml.jackson.databind.JsonNode", JsonNode.class),
            new Option("path", "/v1/company/info", "/v1/company/info"),
            new Option("rawPayload", "true", true),
            new Option("autowiredEnabled", "false", false),
            new Option("connectTimeout", "3s", 3_000L),
            new Option("httpClient", "#okkiHttpClient", new BeanRef("okkiHttpClient")),
            new Option("maxConnections", "7", 7),
            new Option("maxRetries", "0", 0),
            new Option("responseTimeout", "45000", 45_000L),
            new Option("retryDelay", "250ms", 250L),
            new Option("retryMaxDelay", "PT1M", 60_000L),
            new Option("retryWrites", "true", true),
            new Option("proxyHost", "proxy.test", "proxy.test"),
            new Option("proxyPassword", "proxy-pass", "proxy-pass"),
            new Option("proxyPort", "3128", 3128),
            new Option("proxyUsername", "proxy-user", "proxy-user"),
            new Option("clientId", "the-client", "the-client"),
            new Option("clientSecret", "the-secret", "the-secret"),
            new Option("grantType", "password", GrantType.password),
            new Option("password", "the-password", "the-password"),
            new Option("scope", "company invoices", "company invoices"),
            new Option("securityConfig", "the-webhook-secret", "the-webhook-secret"),
            new Option("tokenLifetime", "2h", 7_200_000L),
            new Option("username", "someone@example.com", "someone@example.com"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Application.class);

    @Test
    void theTableCoversEveryComponentOption() {
        List<String> names = new ArrayList<>(ComponentOptions.all().keySet());
        names.remove("configuration");
        assertThat(OPTIONS).extracting(Option::name).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void everyOptionReachesTheComponent() {
        runner.withPropertyValues(OPTIONS.stream().map(Option::property).toArray(String[]::new)).run(context -> {
            OkkiComponent component = okki(context);
            OkkiComponentConfigurer configurer = new OkkiComponentConfigurer();
            for (Option option : OPTIONS) {
                Object expected = option.expected() instanceof BeanRef bean
                        ? context.getBean(bean.name()) : option.expected();
                assertThat(configurer.getOptionValue(component, option.name(), false)).as(option.property())
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void optionsLeftUnsetKeepTheComponentDefaults() {
        runner.withPropertyValues(PREFIX + "client-id=the-client").run(context -> {
            OkkiComponent configured = okki(context);
            OkkiComponent untouched = new OkkiComponent();
            OkkiComponentConfigurer configurer = new OkkiComponentConfigurer();
            for (String name : ComponentOptions.all().keySet()) {
                if (!name.equals("clientId") && !name.equals("configuration")) {
                    assertThat(configurer.getOptionValue(configured, name, false)).as(name)
                            .isEqualTo(configurer.getOptionValue(untouched, name, false));
                }
            }
            assertThat(configured.getConfiguration().getClientId()).isEqualTo("the-client");
        });
    }

    @Test
    void aConfigurationBeanIsTheBaseTheSingleOptionsRefine() {
        runner.withPropertyValues(PREFIX + "configuration=#bean:okkiBase", PREFIX + "page-size=10").run(context -> {
            OkkiConfiguration configuration = okki(context).getConfiguration();
            assertThat(configuration).isSameAs(context.getBean("okkiBase"));
            assertThat(configuration.getClientId()).isEqualTo("from-bean");
            assertThat(configuration.getPageSize()).isEqualTo(10);
        });
    }

    @ParameterizedTest
    @CsvSource({
            "camel.component.okki.enabled=false, false",
            "camel.component.enabled=false, false",
            "camel.component.okki.customizer.enabled=false, true",
            "camel.component.customizer.enabled=false, true" })
    void switchedOffTheComponentIsLeftAlone(String switchProperty, boolean propertiesBound) {
        runner.withPropertyValues(switchProperty, PREFIX + "client-id=the-client").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(OkkiComponentConfiguration.class)).hasSize(propertiesBound ? 1 : 0);
            assertThat(okki(context).getConfiguration().getClientId()).isNull();
        });
    }

    @Test
    void anUnknownOptionStopsTheApplication() {
        runner.withPropertyValues(PREFIX + "client-idd=the-client").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining(PREFIX + "client-idd"));
    }

    private static OkkiComponent okki(AssertableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("okki", OkkiComponent.class);
    }

    private record Option(String name, String value, Object expected) {
        String property() {
            return PREFIX + StringHelper.camelCaseToDash(name) + "=" + value;
        }
    }

    /** The expected value is the Spring bean of that name. */
    private record BeanRef(String name) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        @Bean
        StateRepository<String, String> okkiState() {
            return new MemoryStateRepository();
        }

        @Bean
        IdempotentRepository okkiKeys() {
            return MemoryIdempotentRepository.memoryIdempotentRepository();
        }

        @Bean
        CloseableHttpClient okkiHttpClient() {
            return HttpClients.createDefault();
        }

        @Bean
        OkkiConfiguration okkiBase() {
            OkkiConfiguration configuration = new OkkiConfiguration();
            configuration.setClientId("from-bean");
            configuration.setPageSize(20);
            return configuration;
        }
    }
}
