package io.github.camelokki.okki.springboot;

import static org.mockito.Mockito.mock;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;

/**
 * A value for one component option of okki.json, chosen by the option's type and unlike its default, as a
 * {@code camel.component.okki.*} property and as the component then holds it. An option that takes an object names a
 * bean, a mock of the option's type, that the test registers under {@link #beanName()}.
 *
 * @param name     the option's name in okki.json, e.g. clientId
 * @param value    the property's value
 * @param expected what the component's configurer then reads: durations in milliseconds, beans as the bean
 * @param beanType for an option that takes an object, the type of the bean {@code value} names; else null
 */
record OptionSample(String name, String value, Object expected, Class<?> beanType) {

    static final String PREFIX = "camel.component.okki.";
    private static final List<String> LONGS = List.of("long", "java.lang.Long");

    /** A sample for every component option but {@code configuration}, the base the others refine. */
    static List<OptionSample> all() {
        return ComponentOptions.all().entrySet().stream()
                .filter(option -> !option.getKey().equals("configuration"))
                .map(option -> of(option.getKey(), option.getValue()))
                .toList();
    }

    static OptionSample of(String name, JsonNode option) {
        String javaType = option.get("javaType").asText();
        JsonNode defaultValue = option.get("defaultValue");
        return switch (option.get("type").asText()) {
            case "boolean" -> {
                boolean value = defaultValue == null || !defaultValue.asBoolean();
                yield new OptionSample(name, String.valueOf(value), value, null);
            }
            case "integer" -> {
                long value = (defaultValue == null ? 0 : defaultValue.asLong()) + 7;
                yield new OptionSample(name, String.valueOf(value),
                        LONGS.contains(javaType) ? (Object) value : (Object) Math.toIntExact(value), null);
            }
            case "duration" -> {
                long millis = (defaultValue == null ? 0 : TimeUtils.toMilliSeconds(defaultValue.asText())) + 90_500;
                yield new OptionSample(name, millis + "ms", millis, null);
            }
            case "enum" -> {
                String constant = otherConstant(option.get("enum"), defaultValue);
                yield new OptionSample(name, constant, enumConstant(javaType, constant), null);
            }
            case "string" -> javaType.startsWith("java.lang.Class")
                    ? new OptionSample(name, OptionSample.class.getName(), OptionSample.class, null)
                    : new OptionSample(name, name + "-sample", name + "-sample", null);
            case "object" -> {
                Class<?> type = load(javaType.replaceAll("<.*", ""));
                yield new OptionSample(name, "#bean:" + name + "Bean", mock(type), type);
            }
            default -> throw new AssertionError("No sample value for the option " + name + ", of the type "
                    + option.get("type") + ": teach OptionSample one");
        };
    }

    String beanName() {
        return name + "Bean";
    }

    String property() {
        return property(value);
    }

    String property(String otherValue) {
        return PREFIX + StringHelper.camelCaseToDash(name) + "=" + otherValue;
    }

    /** The first of the enum's constants that is not the default. */
    private static String otherConstant(JsonNode constants, JsonNode defaultValue) {
        for (JsonNode constant : constants) {
            if (defaultValue == null || !constant.asText().equals(defaultValue.asText())) {
                return constant.asText();
            }
        }
        throw new AssertionError("an enum option with no constant but its default: " + constants);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumConstant(String type, String constant) {
        return Enum.valueOf((Class<Enum>) load(type), constant);
    }

    private static Class<?> load(String type) {
        try {
            return Class.forName(type);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("okki.json names a type not on the classpath: " + type, e);
        }
    }
}
