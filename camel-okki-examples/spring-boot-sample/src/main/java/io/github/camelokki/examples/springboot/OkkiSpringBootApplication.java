package io.github.camelokki.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with one okki route. The okki component has no Spring Boot starter: Camel Spring Boot
 * configures it from the {@code camel.component.okki.*} properties in {@code application.properties}, through the
 * configurer camel-okki ships.
 */
@SpringBootApplication
public class OkkiSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(OkkiSpringBootApplication.class, args);
    }
}
