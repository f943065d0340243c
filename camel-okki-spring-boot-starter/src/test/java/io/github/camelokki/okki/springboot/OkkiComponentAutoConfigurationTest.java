package io.github.camelokki.okki.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiComponentConfigurer;
import io.github.camelokki.okki.OkkiConfiguration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Spring Boot applications with camel-okki-starter on the classpath (auto-configuration found through its
 * AutoConfiguration.imports, as in an application) and checks what reaches the okki component. The options are those
 * of the component's okki.json (the properties class is generated from it), each given a value by its type.
 */
class OkkiComponentAutoConfigurationTest {

    private static final String PREFIX = OptionSample.PREFIX;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Application.class);

    /**
     * Every option of okki.json but configuration, set at once to a value unlike its default through its kebab-case
     * key, holds that value in the component.
     */
    @Test
    void everyOptionReachesTheComponent() {
        List<OptionSample> samples = OptionSample.all();
        assertThat(samples).hasSize(ComponentOptions.all().size() - 1);
        withBeansOf(samples).withPropertyValues(samples.stream().map(OptionSample::property).toArray(String[]::new))
                .run(context -> {
                    OkkiComponent component = okki(context);
                    OkkiComponentConfigurer configurer = new OkkiComponentConfigurer();
                    for (OptionSample sample : samples) {
                        Object value = configurer.getOptionValue(component, sample.name(), false);
                        assertThat(value).as(sample.property()).isEqualTo(sample.expected())
                                .isNotEqualTo(configurer.getOptionValue(new OkkiComponent(), sample.name(), false));
                    }
                });
    }

    /** Each option that takes an object names its bean in each of the forms Camel accepts. */
    @ParameterizedTest
    @ValueSource(strings = { "#bean:%s", "#%s", "%s" })
    void anObjectOptionTakesTheBeanNameInEachOfCamelsForms(String form) {
        List<OptionSample> samples = OptionSample.all().stream().filter(sample -> sample.beanType() != null).toList();
        assertThat(samples).isNotEmpty();
        withBeansOf(samples).withPropertyValues(samples.stream()
                .map(sample -> sample.property(form.formatted(sample.beanName()))).toArray(String[]::new))
                .run(context -> {
                    OkkiComponentConfigurer configurer = new OkkiComponentConfigurer();
                    for (OptionSample sample : samples) {
                        assertThat(configurer.getOptionValue(okki(context), sample.name(), false)).as(sample.name())
                                .isSameAs(context.getBean(sample.beanName()));
                    }
                });
    }

    /** Each duration option takes Spring Boot's forms and reaches the component in milliseconds. */
    @ParameterizedTest
    @CsvSource({ "90s, 90000", "500ms, 500", "45000, 45000", "PT1M, 60000", "2h, 7200000" })
    void aDurationTakesSpringBootsForms(String value, long millis) {
        Map<String, JsonNode> options = ComponentOptions.all();
        List<OptionSample> durations = OptionSample.all().stream()
                .filter(sample -> options.get(sample.name()).get("type").asText().equals("duration"))
                .toList();
        assertThat(durations).isNotEmpty();
        runner.withPropertyValues(durations.stream().map(sample -> sample.property(value)).toArray(String[]::new))
                .run(context -> {
                    OkkiComponentConfigurer configurer = new OkkiComponentConfigurer();
                    for (OptionSample duration : durations) {
                        assertThat(configurer.getOptionValue(okki(context), duration.name(), false))
                                .as(duration.property(value)).isEqualTo(millis);
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

    /** The runner with the samples' beans registered under their names. */
    @SuppressWarnings("unchecked")
    private ApplicationContextRunner withBeansOf(List<OptionSample> samples) {
        ApplicationContextRunner withBeans = runner;
        for (OptionSample sample : samples) {
            if (sample.beanType() != null) {
                withBeans = withBeans.withBean(sample.beanName(), (Class<Object>) sample.beanType(),
                        sample::expected);
            }
        }
        return withBeans;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        @Bean
        OkkiConfiguration okkiBase() {
            OkkiConfiguration configuration = new OkkiConfiguration();
            configuration.setClientId("from-bean");
            configuration.setPageSize(20);
            return configuration;
        }
    }
}
