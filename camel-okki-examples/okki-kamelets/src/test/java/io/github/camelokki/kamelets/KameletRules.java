package io.github.camelokki.kamelets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The rules the Apache Camel Kamelet catalog's validator applies to a Kamelet (camel-kamelets, script/validator, 4.x),
 * checked on a parsed Kamelet file. Each violation reads {@code <file>: <rule>: <what is wrong>}.
 *
 * <p>
 * Two of the catalog's rules are taken as they apply to a Kamelet published outside it: the catalog wants
 * {@code camel.apache.org/provider} to be "Apache Software Foundation", which only its own Kamelets may claim (here
 * it must be set, and these files say camel-okki); and it names a component of its own as {@code camel:<name>}, while
 * a third-party component is a {@code mvn:group:artifact:version} dependency, as the catalog's Kamelets that need
 * other libraries declare them.
 *
 * <p>
 * Data types ({@code spec.dataTypes}) are checked against the Kamelet API the validator decodes each file into (Camel
 * K's {@code DataTypesSpec}: slots in, out and error, each with a default, types and headers, a header's default being
 * text) and against what applying one takes: a Pipe, or Camel's YAML loader for it, names a type by its
 * {@code format}, so every type has one, and the default is one of the declared types. A source produces (out), a sink
 * consumes (in).
 */
final class KameletRules {

    static final String TYPE_LABEL = "camel.apache.org/kamelet.type";
    static final String ICON = "camel.apache.org/kamelet.icon";
    static final String CATALOG_VERSION = "camel.apache.org/catalog.version";
    static final String PROVIDER = "camel.apache.org/provider";
    static final String CREDENTIALS = "urn:camel:group:credentials";
    static final String DEPRECATED_DESCRIPTOR_PREFIX = "urn:alm:descriptor:com.tectonic.ui";
    static final String SVG_DATA_URI = "data:image/svg+xml;base64,";

    /** {@code {{name}}}, {@code {{?name}}} and {@code {{name:default}}}, as the validator reads them. */
    private static final Pattern PARAM = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?::[^}]*)?}}");
    private static final Pattern MVN = Pattern.compile("mvn:[^:\\s]+:[^:\\s]+:[^:\\s]+");
    /** English words a title may leave in lower case ("Period between Polls"). */
    private static final Set<String> STOPWORDS = Set.of("a", "an", "and", "as", "at", "between", "by", "for", "from",
            "in", "into", "of", "on", "or", "per", "the", "to", "with");
    /** The languages of Camel's core: a template using one depends on camel:core, as the catalog declares it. */
    private static final Set<String> CORE_LANGUAGES = Set.of("constant", "simple", "header", "exchangeProperty",
            "variable");

    private final String okkiDependency;

    /** @param okkiDependency what a template using the okki component must declare: the camel-okki artifact */
    KameletRules(String okkiDependency) {
        this.okkiDependency = okkiDependency;
    }

    /** Every rule that concerns one file. */
    List<String> check(String fileName, Map<String, Object> kamelet) {
        Violations v = new Violations(fileName);
        Map<String, Object> metadata = map(kamelet.get("metadata"));
        Map<String, Object> labels = map(metadata.get("labels"));
        Map<String, Object> annotations = map(metadata.get("annotations"));
        Map<String, Object> spec = map(kamelet.get("spec"));
        Map<String, Object> definition = map(spec.get("definition"));
        Map<String, Object> properties = map(definition.get("properties"));
        Object template = spec.get("template");
        String name = String.valueOf(metadata.get("name"));
        String type = String.valueOf(labels.get(TYPE_LABEL));

        if (!fileName.equals(name + ".kamelet.yaml")) {
            v.add("file name", "metadata.name is '" + name + "'");
        }
        if (!Set.of("source", "sink", "action").contains(type)) {
            v.add("type label", TYPE_LABEL + " is '" + type + "', not source, sink or action");
        } else if (!name.endsWith("-" + type)) {
            v.add("type label", "the name does not end with -" + type);
        }

        String title = text(definition.get("title"));
        if (title.isEmpty()) {
            v.add("title", "spec.definition has no title");
        } else if (type.length() > 1) {
            String suffix = Character.toUpperCase(type.charAt(0)) + type.substring(1);
            if (!title.endsWith(suffix)) {
                v.add("title", "'" + title + "' does not end with " + suffix);
            }
        }
        if (text(definition.get("description")).isEmpty()) {
            v.add("description", "spec.definition has no description");
        }
        if (!"object".equals(definition.get("type"))) {
            v.add("definition type", "spec.definition.type is not object");
        }
        Set<String> required = new HashSet<>();
        for (Object r : list(definition.get("required"))) {
            if (!required.add(String.valueOf(r))) {
                v.add("required", "'" + r + "' is listed twice");
            }
            if (!properties.containsKey(String.valueOf(r))) {
                v.add("required", "'" + r + "' is not a property");
            }
        }

        properties.forEach((key, value) -> checkProperty(v, key, map(value)));

        if (!text(annotations.get(ICON)).startsWith(SVG_DATA_URI) || !isSvg(text(annotations.get(ICON)))) {
            v.add("icon", ICON + " is not an SVG data URI (" + SVG_DATA_URI + "...)");
        }
        if (text(annotations.get(CATALOG_VERSION)).isEmpty()) {
            v.add("catalog version", "no " + CATALOG_VERSION + " annotation");
        }
        if (text(annotations.get(PROVIDER)).isEmpty()) {
            v.add("provider", "no " + PROVIDER + " annotation");
        }

        List<String> dependencies = list(spec.get("dependencies")).stream().map(String::valueOf).toList();
        for (String dependency : dependencies) {
            if (!dependency.startsWith("camel:") && !MVN.matcher(dependency).matches()
                    && !dependency.startsWith("github:apache/")) {
                v.add("dependency syntax", "'" + dependency
                        + "' is not a camel:<name>, mvn:group:artifact:version or github:apache/... reference");
            }
        }
        for (String needed : neededDependencies(template)) {
            if (!dependencies.contains(needed)) {
                v.add("dependencies", "the template needs '" + needed + "', which spec.dependencies lacks");
            }
        }

        Set<String> used = new TreeSet<>();
        collectParams(template, used);
        Set<String> declared = new TreeSet<>(properties.keySet());
        for (Object bean : list(map(template).get("beans"))) {
            declared.add(String.valueOf(map(bean).get("name")));
        }
        for (String p : used) {
            if (!declared.contains(p)) {
                v.add("parameters", "{{" + p + "}} is used but not declared");
            }
        }
        for (String p : declared) {
            if (!used.contains(p)) {
                v.add("parameters", "'" + p + "' is declared but never used");
            }
        }

        checkDataTypes(v, type, map(spec.get("dataTypes")));

        Map<String, Object> from = map(map(template).get("from"));
        if ("source".equals(type) && !sendsTo(from.get("steps"), "kamelet:sink")) {
            v.add("routing convention", "a source must route to kamelet:sink");
        }
        if ("sink".equals(type) && !"kamelet:source".equals(from.get("uri"))) {
            v.add("routing convention", "a sink must consume from kamelet:source");
        }
        return v.list;
    }

    /** The rules across files: unique titles and descriptions, one catalog version. */
    static List<String> checkTogether(Map<String, Map<String, Object>> kamelets) {
        List<String> violations = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        Map<String, Set<String>> versions = new TreeMap<>();
        kamelets.forEach((file, kamelet) -> {
            Map<String, Object> spec = map(kamelet.get("spec"));
            Map<String, Object> definition = map(spec.get("definition"));
            String title = text(definition.get("title"));
            String other = titles.putIfAbsent(title, file);
            if (other != null) {
                violations.add(file + ": unique title: '" + title + "' is also the title of " + other);
            }
            other = descriptions.putIfAbsent(text(definition.get("description")), file);
            if (other != null) {
                violations.add(file + ": unique description: the description is also that of " + other);
            }
            String version = text(map(map(kamelet.get("metadata")).get("annotations")).get(CATALOG_VERSION));
            versions.computeIfAbsent(version, k -> new TreeSet<>()).add(file);
        });
        if (versions.size() > 1) {
            violations.add("one catalog version: " + CATALOG_VERSION + " differs between files: " + versions);
        }
        return violations;
    }

    private static void checkProperty(Violations v, String key, Map<String, Object> p) {
        if (text(p.get("type")).isEmpty()) {
            v.add("property type", "'" + key + "' has no type");
        }
        if (text(p.get("description")).isEmpty()) {
            v.add("property description", "'" + key + "' has no description");
        }
        String title = text(p.get("title"));
        if (title.isEmpty()) {
            v.add("property title", "'" + key + "' has no title");
        } else {
            for (String word : title.split(" ")) {
                if (!word.isEmpty() && !STOPWORDS.contains(word.toLowerCase())
                        && !Character.isUpperCase(word.codePointAt(0)) && Character.isLetter(word.codePointAt(0))) {
                    v.add("property title", "'" + key + "' title '" + title + "' has the lower-case word '" + word
                            + "'");
                }
            }
            for (String article : List.of("The ", "A ", "An ")) {
                if (title.startsWith(article)) {
                    v.add("property title", "'" + key + "' title '" + title + "' starts with '" + article.trim() + "'");
                }
            }
        }
        List<String> descriptors = list(p.get("x-descriptors")).stream().map(String::valueOf).toList();
        if ("password".equals(p.get("format")) && !descriptors.contains(CREDENTIALS)) {
            v.add("credentials", "'" + key + "' has format password without the x-descriptor " + CREDENTIALS);
        }
        for (String d : descriptors) {
            if (d.startsWith(DEPRECATED_DESCRIPTOR_PREFIX)) {
                v.add("credentials", "'" + key + "' uses the deprecated x-descriptor " + d);
            }
        }
        if (new HashSet<>(descriptors).size() != descriptors.size()) {
            v.add("credentials", "'" + key + "' lists an x-descriptor twice");
        }
    }

    private static void checkDataTypes(Violations v, String kameletType, Map<String, Object> dataTypes) {
        dataTypes.forEach((slot, value) -> {
            if (!Set.of("in", "out", "error").contains(slot)) {
                v.add("data types", "slot '" + slot + "' is not in, out or error");
                return;
            }
            if ("source".equals(kameletType) && "in".equals(slot) || "sink".equals(kameletType) && "out".equals(slot)) {
                v.add("data types", "a " + kameletType + " has no " + slot + " data types");
            }
            Map<String, Object> spec = map(value);
            Map<String, Object> types = map(spec.get("types"));
            String defaultType = text(spec.get("default"));
            if (!types.containsKey(defaultType)) {
                v.add("data types", slot + ": the default '" + defaultType + "' is not one of the types " + types.keySet());
            }
            checkHeaders(v, slot, map(spec.get("headers")));
            types.forEach((name, typeValue) -> {
                Map<String, Object> dataType = map(typeValue);
                if (text(dataType.get("format")).isEmpty()) {
                    v.add("data types", slot + "." + name + " has no format");
                }
                if (text(dataType.get("description")).isEmpty()) {
                    v.add("data types", slot + "." + name + " has no description");
                }
                checkHeaders(v, slot + "." + name, map(dataType.get("headers")));
            });
        });
    }

    private static void checkHeaders(Violations v, String where, Map<String, Object> headers) {
        headers.forEach((name, value) -> {
            Map<String, Object> header = map(value);
            if (text(header.get("type")).isEmpty() || text(header.get("description")).isEmpty()) {
                v.add("data types", where + " header " + name + " lacks a type or a description");
            }
            if (header.containsKey("default") && !(header.get("default") instanceof String)) {
                v.add("data types", where + " header " + name + " has a default that is not text");
            }
        });
    }

    /**
     * What the template needs at run time: the artifact of each component of its endpoint URIs, camel:jackson for a
     * JSON data format, camel:core for a language of Camel's core.
     */
    Set<String> neededDependencies(Object template) {
        Set<String> needed = new LinkedHashSet<>();
        walk(template, null, (key, value) -> {
            if (value instanceof String s && Set.of("uri", "to", "toD", "wireTap").contains(key) && s.contains(":")) {
                String scheme = s.substring(0, s.indexOf(':'));
                needed.add("okki".equals(scheme) ? okkiDependency : "camel:" + scheme);
            }
            if (("marshal".equals(key) || "unmarshal".equals(key)) && value instanceof Map<?, ?> format
                    && format.containsKey("json")) {
                needed.add("camel:jackson");
            }
            if (CORE_LANGUAGES.contains(key)) {
                needed.add("camel:core");
            }
        });
        return needed;
    }

    private static boolean sendsTo(Object steps, String uri) {
        for (Object step : list(steps)) {
            Object to = map(step).get("to");
            if (uri.equals(to) || (to instanceof Map<?, ?> m && uri.equals(m.get("uri")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSvg(String dataUri) {
        try {
            byte[] svg = Base64.getDecoder().decode(dataUri.substring(SVG_DATA_URI.length()));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
            return "svg".equals(root.getLocalName()) && "http://www.w3.org/2000/svg".equals(root.getNamespaceURI());
        } catch (Exception e) {
            return false;
        }
    }

    private static void collectParams(Object node, Set<String> params) {
        walk(node, null, (key, value) -> {
            if (value instanceof String s) {
                Matcher m = PARAM.matcher(s);
                while (m.find()) {
                    params.add(m.group(1));
                }
            }
        });
    }

    private interface Visitor {
        void visit(String key, Object value);
    }

    private static void walk(Object node, String key, Visitor visitor) {
        visitor.visit(key == null ? "" : key, node);
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, value) -> walk(value, String.valueOf(k), visitor));
        } else if (node instanceof List<?> l) {
            l.forEach(value -> walk(value, key, visitor));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    private static final class Violations {
        private final String file;
        private final List<String> list = new ArrayList<>();

        Violations(String file) {
            this.file = file;
        }

        void add(String rule, String detail) {
            list.add(file + ": " + rule + ": " + detail);
        }
    }
}
