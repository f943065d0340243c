package io.github.camelokki.okki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.catalog.HttpMethod;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.catalog.Parameter;
import org.apache.camel.tooling.model.ApiMethodModel;
import org.apache.camel.tooling.model.ApiModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * Adds every operation's parameters to the component JSON (okki.json) that camel-package-maven-plugin generates, as
 * Camel's API components publish theirs ({@code apis} and {@code apiProperties}), so that Camel tooling
 * ({@code CamelCatalog.validateEndpointProperties}, IDE plugins) knows {@code okki:company/list?start_time=...}. Each
 * operation is described by its summary ({@code operations.txt}), each parameter by its description
 * ({@code parameters.txt}).
 * <p>
 * The plugin reads per-method parameters only from {@code @ApiParams}/{@code @ApiParam} annotations on one class
 * per API; the operations are data (operations.txt), so instead of generating 40 annotated classes the build runs
 * this after the plugin ({@code process-test-classes}, exec-maven-plugin), on the plugin's output, with Camel's own
 * JSON model and writer. {@code OkkiJsonCatalogTest} checks the result with {@code DefaultCamelCatalog}.
 */
public final class OkkiJsonApis {

    private OkkiJsonApis() {
    }

    /** Rewrites each given okki.json with the catalog's operations. */
    public static void main(String[] files) throws IOException {
        for (String file : files) {
            Path path = Path.of(file);
            ComponentModel model = JsonMapper.generateComponentModel(Files.readString(path, StandardCharsets.UTF_8));
            withOperations(model, OperationCatalog.standard());
            Files.writeString(path, JsonMapper.createParameterJsonSchema(model) + "\n", StandardCharsets.UTF_8);
        }
    }

    static void withOperations(ComponentModel model, OperationCatalog catalog) {
        model.setApi(true);
        model.setApiSyntax("resource/operation");
        model.getApiOptions().clear();
        Map<String, ApiModel> apis = new LinkedHashMap<>();
        for (Operation op : catalog.operations()) {
            ApiModel api = apis.computeIfAbsent(op.resource(), resource -> {
                ApiModel created = new ApiModel();
                created.setName(resource);
                created.setDescription("Operations on OKKI " + resource + " records");
                model.getApiOptions().add(created);
                return created;
            });
            op.aliases().forEach(alias -> api.addAlias(op.name() + "=" + alias));
            ApiMethodModel method = api.newMethod(op.name());
            method.setDescription(op.summary());
            op.parameters().forEach(p -> method.addApiOptionModel(option(op, p, (int) op.parameters()
                    .takeWhile(q -> q != p).count())));
        }
        // okki:api/<method>?path=... calls a path the catalog lacks; its parameters are free (param.*)
        ApiModel adHoc = new ApiModel();
        adHoc.setName("api");
        adHoc.setDescription("Calls a path the catalog lacks, given by the option path");
        for (HttpMethod httpMethod : HttpMethod.values()) {
            adHoc.newMethod(httpMethod.name().toLowerCase(Locale.ROOT)).setDescription("Sends " + httpMethod
                    + " to the path.");
        }
        model.getApiOptions().add(adHoc);
    }

    private static ComponentModel.ApiOptionModel option(Operation op, Parameter p, int index) {
        ComponentModel.ApiOptionModel option = new ComponentModel.ApiOptionModel();
        option.setName(p.name());
        option.setIndex(index);
        option.setKind("parameter");
        option.setDisplayName(p.name());
        option.setGroup("producer");
        option.setLabel("");
        // required ones may also come from the CamelOkkiParams or CamelOkkiId header, so a URI may lack them
        option.setRequired(false);
        option.setOptional(!p.required());
        option.setType(p.type().specName());
        option.setJavaType(switch (p.type()) {
            case INTEGER -> "java.lang.Long";
            case NUMBER -> "java.math.BigDecimal";
            case STRING -> "java.lang.String";
        });
        option.setDescription(description(op, p));
        return option;
    }

    /** The catalog's description, and for a required parameter where else it may come from. */
    static String description(Operation op, Parameter p) {
        if (!p.required()) {
            return p.description();
        }
        return p.description() + " Required: set it here, in the " + OkkiConstants.PARAMS + " header"
                + (p.name().equals(op.idParameter()) ? " or, as the record id, in the " + OkkiConstants.ID + " header."
                        : " or in both.");
    }
}
