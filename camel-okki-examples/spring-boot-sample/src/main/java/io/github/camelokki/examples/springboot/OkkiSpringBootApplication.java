package io.github.camelokki.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with one okki route. It has no okki configuration code: camel-okki-starter configures the
 * okki component from the {@code camel.component.okki.*} properties in {@code application.properties}, as Camel's own
 * starters do for theirs.
 */
@SpringBootApplication
public class OkkiSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(OkkiSpringBootApplication.class, args);
    }
}
