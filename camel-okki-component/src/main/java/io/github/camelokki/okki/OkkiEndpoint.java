package io.github.camelokki.okki;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.camelokki.okki.api.BodyType;
import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.catalog.HttpMethod;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.client.OkkiClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Create, read, edit and delete OKKI CRM records (customers, leads, orders, products and more) through the OKKI Open API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "okki", title = "OKKI CRM", syntax = "okki:resource/operation",
             category = { Category.CLOUD, Category.SAAS, Category.API }, headersClass = OkkiConstants.class)
public class OkkiEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The resource of {@code okki:events}, the older form of {@code okki-events:} ({@link OkkiEventsEndpoint}). */
    public static final String EVENTS = "events";

    @UriPath(description = "The OKKI resource: the path segment after /v1/ (after /v1/invoices/ for invoice documents),"
            + " e.g. company, lead, order, supplier; trail for follow-up trails; api for a path the catalog lacks.")
    @Metadata(required = true)
    private String resource;

    @UriPath(description = "The operation of the resource: the rest of the OKKI path in lowerCamelCase, e.g. list,"
            + " info, push, pushGroups; for api, the HTTP method (get, post, put or delete).")
    @Metadata(required = true)
    private String operation;

    @UriParam
    private OkkiConfiguration configuration;

    @UriParam(label = "producer", prefix = "param.", multiValue = true,
              description = "Parameters of the call by their OKKI names, e.g. param.company_id=42 or param.all=2. The"
                      + " operation's documented parameters may also be given without the prefix (company_id=42);"
                      + " the prefix reaches a parameter named like an endpoint option, or one the catalog lacks.")
    private Map<String, Object> params = new LinkedHashMap<>();

    private Operation resolved;
    private OkkiClient client;

    public OkkiEndpoint(String uri, OkkiComponent component, OkkiConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** The URI with every secret option masked, whatever its name. */
    @Override
    public String toString() {
        return OkkiComponent.mask(getEndpointUri());
    }

    @Override
    public OkkiComponent getComponent() {
        return (OkkiComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new OkkiProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (resolved.isPage()) {
            Consumer consumer = new OkkiPollingConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        throw new IllegalArgumentException("okki:" + resolved.uri() + " cannot be consumed: from(...) takes a list"
                + " operation such as okki:company/list, or okki-events for webhook pushes.");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        resolved = resolveOperation();
        checkOptions(resolved);
        client = getComponent().client(configuration, resolved.scope());
    }

    private Operation resolveOperation() {
        OperationCatalog catalog = OperationCatalog.standard();
        if (!"api".equals(resource)) {
            return catalog.require(resource, operation);
        }
        HttpMethod method;
        try {
            method = HttpMethod.valueOf(operation.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("okki:api/" + operation + " is not an HTTP method: use okki:api/get, "
                    + "okki:api/post, okki:api/put or okki:api/delete with path=/v1/...");
        }
        String path = configuration.getPath();
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("okki:api/" + operation + " needs the option path, e.g."
                    + " path=/v1/company/info, starting with /");
        }
        BodyType bodyType = method == HttpMethod.GET || method == HttpMethod.DELETE ? BodyType.NONE
                : configuration.getBodyType();
        return Operation.adHoc(method, path, bodyType, catalog.scopeForPath(path).orElse(null));
    }

    private void checkOptions(Operation op) {
        if (configuration.isAllPages() && !op.isPage()) {
            throw new IllegalArgumentException("allPages=true works only with list operations, and okki:" + op.uri()
                    + " does not answer with pages of records.");
        }
        if (configuration.isAllPages() && configuration.isRawPayload()) {
            throw new IllegalArgumentException("allPages and rawPayload cannot be combined: rawPayload returns one"
                    + " answer's JSON as it came.");
        }
        if (configuration.getPageSize() < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, not " + configuration.getPageSize());
        }
    }

    /** For Camel's service registry and consoles: which OKKI host and app this endpoint talks to (no secrets). */
    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getClientId() == null ? null : Map.of("clientId", configuration.getClientId());
    }

    Operation resolvedOperation() {
        return resolved;
    }

    /** The client for calls to OKKI. */
    OkkiClient client() {
        return client;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public OkkiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OkkiConfiguration configuration) {
        this.configuration = configuration;
    }

    public Map<String, Object> getParams() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = params;
    }
}
