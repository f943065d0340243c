package io.github.camelokki.okki;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test class that needs a Camel module some Camel lines do not serve (camel-master on 4.22, ...). The component's
 * tests run on other Camel lines in camel-okki-line-tests; a run whose line lacks the module says so with
 * {@code -Dcamel.line.lacks.<module>} (.ci/run), which drops the dependency there and skips the classes marked with
 * it, naming the module and the line. Without that property the test runs (and fails if the module is missing), so
 * nothing is skipped silently. docs/user-guide.md lists what is skipped on which line.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCamelModule.Condition.class)
@interface RequiresCamelModule {

    /** The artifactId of the Camel module, e.g. {@code camel-master}. */
    String value();

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return AnnotationSupport.findAnnotation(context.getElement(), RequiresCamelModule.class)
                    .map(required -> lacks(required.value())
                            ? ConditionEvaluationResult.disabled(required.value() + " is not served for Camel "
                                    + System.getProperty("camel.line", "(line not given)")
                                    + " (-Dcamel.line.lacks." + required.value() + ")")
                            : ConditionEvaluationResult.enabled("needs " + required.value()))
                    .orElse(ConditionEvaluationResult.enabled("needs no optional Camel module"));
        }

        private static boolean lacks(String module) {
            return System.getProperty("camel.line.lacks." + module) != null;
        }
    }
}
