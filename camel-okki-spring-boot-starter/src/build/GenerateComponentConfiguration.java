import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Writes the starter's {@code <Component>Configuration}, the {@code camel.component.<scheme>.*} properties class, from
 * the component options of the component's catalog JSON, as Camel's own starters are generated from theirs: a field
 * per option with the option's description as javadoc (Spring Boot's configuration processor makes it the key's
 * documentation), its default, and a getter and setter. Camel's generator (camel-spring-boot-generator-maven-plugin)
 * cannot do it: it looks for the component under the group org.apache.camel only.
 * <p>
 * Run by exec-maven-plugin at generate-sources with the starter's compile classpath, which holds the component's jar
 * and so its catalog, and Camel's JSON reader: {@code java -cp <classpath> GenerateComponentConfiguration.java
 * <catalog resource> <source directory>}. It fails, naming the option, on what it cannot express.
 */
public final class GenerateComponentConfiguration {

    private static final int WIDTH = 120;
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");
    private static final Map<String, String> DURATION_FACTORIES = Map.of(
            "ms", "ofMillis", "s", "ofSeconds", "m", "ofMinutes", "h", "ofHours", "d", "ofDays");
    private static final Map<String, String> WRAPPERS = Map.of(
            "boolean", "java.lang.Boolean", "int", "java.lang.Integer", "long", "java.lang.Long",
            "double", "java.lang.Double", "float", "java.lang.Float");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)");

    private final TreeSet<String> imports = new TreeSet<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateComponentConfiguration <catalog resource> <source dir>");
        }
        JsonObject catalog = readCatalog(args[0]);
        JsonObject component = catalog.getMap("component");
        String componentType = component.getString("javaType");
        String packageName = componentType.substring(0, componentType.lastIndexOf('.')) + ".springboot";
        String className = componentType.substring(componentType.lastIndexOf('.') + 1) + "Configuration";
        // in the catalog's order, each keyed by its name, which the generator carries along
        List<JsonObject> options = new ArrayList<>();
        catalog.<JsonObject>getMap("componentProperties").forEach((name, option) -> {
            ((JsonObject) option).put("name", name);
            options.add((JsonObject) option);
        });
        String source = new GenerateComponentConfiguration()
                .source(packageName, className, component.getString("scheme"), options);
        Path file = Path.of(args[1], packageName.replace('.', '/'), className + ".java");
        // left alone when unchanged, so that the compiler has nothing to redo
        if (!Files.exists(file) || !Files.readString(file).equals(source)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        }
    }

    private static JsonObject readCatalog(String resource) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the starter must depend on the"
                        + " component, built with its catalog (camel-package-maven-plugin)");
            }
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private String source(String packageName, String className, String scheme, List<JsonObject> options) {
        imports.add("org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon");
        imports.add("org.springframework.boot.context.properties.ConfigurationProperties");
        imports.add("java.util.Set");
        StringBuilder body = new StringBuilder();
        javadoc(body, "    ", "The types of the options that take an object: the starter's converter binds a bean name"
                + " to the bean.");
        body.append("    static final Set<Class<?>> OBJECT_OPTION_TYPES = Set.of(")
                .append(options.stream().filter(option -> "object".equals(option.getString("type")))
                        .map(option -> "\n            " + simpleType(erasure(option.getString("javaType"))) + ".class")
                        .collect(Collectors.joining(",")))
                .append(");\n\n");
        body.append("    // Not read: like Camel's starters, it gives the inherited enabled flag its description in the"
                + " metadata.\n");
        javadoc(body, "    ", "Whether to enable auto configuration of the " + scheme
                + " component. This is enabled by default.");
        body.append("    @SuppressWarnings(\"unused\")\n    private Boolean enabled;\n\n");
        options.forEach(option -> field(body, option));
        options.forEach(option -> accessors(body, option));
        body.setLength(body.length() - 1);

        StringBuilder out = new StringBuilder("package ").append(packageName).append(";\n\n");
        imports.stream().filter(type -> !type.substring(0, type.lastIndexOf('.')).equals("java.lang"))
                .forEach(type -> out.append("import ").append(type).append(";\n"));
        out.append("\n");
        javadoc(out, "", classComment(scheme, options));
        return out.append("@ConfigurationProperties(prefix = ").append(className)
                .append(".PREFIX, ignoreUnknownFields = false)\n")
                .append("public class ").append(className)
                .append(" extends ComponentConfigurationPropertiesCommon {\n\n")
                .append("    static final String PREFIX = \"camel.component.").append(scheme).append("\";\n\n")
                .append(body).append("}\n").toString();
    }

    private static String classComment(String scheme, List<JsonObject> options) {
        String secrets = options.stream().filter(option -> option.getBooleanOrDefault("secret", false))
                .map(GenerateComponentConfiguration::name).collect(Collectors.joining(", "));
        return "The {@code camel.component." + scheme + ".*} properties: every component option of the " + scheme
                + " component, under the names Camel Main and Camel Quarkus use, with the component's descriptions and"
                + " defaults. Durations take Spring Boot's forms ({@code 90s}, {@code 500ms}, {@code PT1M}, or plain"
                + " milliseconds); the options that take an object take the name of a bean ({@code #bean:name}). A key"
                + " the component does not have stops the application, as a misspelt option would otherwise be"
                + " ignored. No toString(), so that the values of the secret options (" + secrets + ") show nowhere."
                + "\n<p>\nGenerated at build time from the component's catalog (" + scheme + ".json) by"
                + " src/build/GenerateComponentConfiguration.java: do not edit.";
    }

    private void field(StringBuilder out, JsonObject option) {
        String description = option.getStringOrDefault("description", "");
        if (description.contains("*/")) {
            throw new IllegalStateException("The description of " + name(option) + " contains */, which ends javadoc");
        }
        javadoc(out, "    ", description);
        deprecation(out, option, false);
        out.append("    private ").append(type(option)).append(' ').append(name(option));
        Object defaultValue = option.get("defaultValue");
        if (defaultValue != null && !defaultValue.toString().isEmpty()) {
            out.append(" = ").append(initializer(option, defaultValue.toString()));
        }
        out.append(";\n\n");
    }

    private void accessors(StringBuilder out, JsonObject option) {
        String name = name(option);
        String type = type(option);
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        deprecation(out, option, true);
        out.append("    public ").append(type).append(" get").append(capitalized).append("() {\n")
                .append("        return ").append(name).append(";\n    }\n\n");
        deprecation(out, option, false);
        out.append("    public void set").append(capitalized).append('(').append(type).append(' ').append(name)
                .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n\n");
    }

    /** As Camel's starters: deprecated field and accessors, and the getter tells Spring Boot's metadata. */
    private void deprecation(StringBuilder out, JsonObject option, boolean getter) {
        if (!option.getBooleanOrDefault("deprecated", false)) {
            return;
        }
        out.append("    @Deprecated\n");
        if (getter) {
            imports.add("org.springframework.boot.context.properties.DeprecatedConfigurationProperty");
            String note = option.getStringOrDefault("deprecationNote", "");
            out.append(note.isEmpty() ? "    @DeprecatedConfigurationProperty\n"
                    : "    @DeprecatedConfigurationProperty(reason = " + literal(note) + ")\n");
        }
    }

    /**
     * The Java type of the property: wrappers for primitives (null is "not set", the component's default stays), a
     * Duration for a duration (Spring Boot's forms; Camel turns it into the option's milliseconds), any class for a
     * class option.
     */
    private String type(JsonObject option) {
        String javaType = option.getString("javaType");
        if ("duration".equals(option.getString("type"))) {
            if (!List.of("long", "int", "java.lang.Long", "java.lang.Integer").contains(javaType)) {
                throw new IllegalStateException("Duration option " + name(option) + " is a " + javaType
                        + ": only numbers of milliseconds are bound from a Duration");
            }
            return simpleType("java.time.Duration");
        }
        if (javaType.startsWith("java.lang.Class<")) {
            return "Class<?>";
        }
        return simpleType(WRAPPERS.getOrDefault(javaType, javaType));
    }

    /**
     * The field's initializer, in a form Spring Boot's configuration processor reads the metadata default from: a
     * literal, an enum constant or a {@code Duration.ofXxx(n)} in the unit the catalog gives.
     */
    private String initializer(JsonObject option, String value) {
        String type = type(option);
        JsonArray constants = option.getCollection("enum");
        if (constants != null) {
            if (!constants.contains(value)) {
                throw new IllegalStateException("The default " + value + " of " + name(option) + " is none of "
                        + constants);
            }
            return type + "." + value;
        }
        return switch (type) {
            case "String" -> literal(value);
            case "Boolean", "Integer", "Double" -> value;
            case "Long" -> value + "L";
            case "Float" -> value + "F";
            case "Duration" -> {
                Matcher duration = DURATION.matcher(value);
                if (!duration.matches()) {
                    throw new IllegalStateException("The default " + value + " of " + name(option)
                            + " is not a number with one unit (ms, s, m, h, d), as Spring Boot's metadata shows one");
                }
                String unit = duration.group(2) == null ? "ms" : duration.group(2);
                yield "Duration." + DURATION_FACTORIES.get(unit) + "(" + duration.group(1) + ")";
            }
            default -> throw new IllegalStateException("No initializer for the default " + value + " of "
                    + name(option) + ", a " + type);
        };
    }

    /** The type with its classes imported and named simply: {@code StateRepository<String, String>}. */
    private String simpleType(String javaType) {
        Matcher names = QUALIFIED_NAME.matcher(javaType);
        StringBuilder simple = new StringBuilder();
        while (names.find()) {
            imports.add(names.group());
            names.appendReplacement(simple, names.group(1));
        }
        return names.appendTail(simple).toString();
    }

    private static String erasure(String javaType) {
        int generics = javaType.indexOf('<');
        return generics < 0 ? javaType : javaType.substring(0, generics);
    }

    private static String name(JsonObject option) {
        return option.getString("name");
    }

    private static String literal(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The text as a javadoc comment, wrapped; a word never starts a line with @, which would make it a tag. */
    private static void javadoc(StringBuilder out, String indent, String text) {
        out.append(indent).append("/**\n");
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (!line.isEmpty() && indent.length() + 3 + line.length() + 1 + word.length() > WIDTH
                        && !word.startsWith("@")) {
                    out.append(indent).append(" * ").append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            out.append(indent).append(" *").append(line.isEmpty() ? "" : " ").append(line).append('\n');
        }
        out.append(indent).append(" */\n");
    }
}
