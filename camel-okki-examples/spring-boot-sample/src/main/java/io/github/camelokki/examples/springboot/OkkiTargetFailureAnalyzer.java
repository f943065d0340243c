package io.github.camelokki.examples.springboot;

import io.github.camelokki.examples.springboot.OkkiTarget.MissingOkkiCredentialsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start without OKKI credentials into Spring Boot's "APPLICATION FAILED TO START" report, saying what is
 * missing and how to give it, instead of a stack trace. Registered in META-INF/spring.factories.
 */
public class OkkiTargetFailureAnalyzer extends AbstractFailureAnalyzer<MissingOkkiCredentialsException> {

    static final String ACTION = "Set OKKI_CLIENT_ID and OKKI_CLIENT_SECRET in the environment (and OKKI_BASE_URL only"
            + " for another host than OKKI's), or give them as --camel.component.okki.client-id=... and"
            + " --camel.component.okki.client-secret=...";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingOkkiCredentialsException cause) {
        return new FailureAnalysis(cause.getMessage(), ACTION, cause);
    }
}
