package io.github.camelokki.okki;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.api.OkkiInvalidRequestException;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.Paging;
import io.github.camelokki.okki.internal.client.OkkiClient;
import io.github.camelokki.okki.internal.client.OkkiResponse;
import io.github.camelokki.okki.internal.client.PageIterator;
import io.github.camelokki.okki.internal.json.OkkiJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls the endpoint's operation for each message. One producer serves every operation: the catalog entry resolved
 * when the endpoint started says how to build the request and read the answer.
 */
public class OkkiProducer extends DefaultProducer {

    private final Operation operation;
    private final OkkiConfiguration conf;
    private final OkkiClient client;
    private final Map<String, Object> uriParams;
    private final Function<Object, Object> recordMapper;

    public OkkiProducer(OkkiEndpoint endpoint) {
        super(endpoint);
        this.operation = endpoint.resolvedOperation();
        this.conf = endpoint.getConfiguration();
        this.client = endpoint.client();
        this.uriParams = Map.copyOf(endpoint.getParams());
        Class<?> type = conf.getOutputClass();
        this.recordMapper = type == null ? Function.identity() : data -> OkkiJson.convert(data, type);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> params = params(message);
        Paging paging = operation.paging();
        int pageSize = conf.getPageSize();
        int page = 1;
        if (operation.isPageable()) {
            page = intParam(params, paging.style().pageParam(), 1);
            pageSize = intParam(params, paging.style().sizeParam(), pageSize);
            params = paging.page(params, page, pageSize);
        }
        OkkiResponse response = client.call(operation, params, message.getBody());

        message.setHeader(OkkiConstants.OPERATION, operation.uri());
        message.setHeader(OkkiConstants.SERVER_TIME, response.serverTime());
        if (paging != null) {
            message.setHeader(OkkiConstants.TOTAL, response.total(paging));
            message.setHeader(OkkiConstants.PAGE, page);
            message.setHeader(OkkiConstants.PAGE_SIZE, pageSize);
        }
        message.setBody(body(response, params, page, pageSize));
    }

    private Object body(OkkiResponse response, Map<String, Object> params, int page, int pageSize) {
        if (conf.isRawPayload()) {
            return new String(response.raw(), StandardCharsets.UTF_8);
        }
        if (operation.paging() == null) {
            return response.data() == null ? null : recordMapper.apply(response.data());
        }
        return conf.isAllPages() ? allRecords(params, pageSize, response, page) : records(response);
    }

    /** The URI's param.* options, overridden by the params header, with the id header in the id parameter. */
    private Map<String, Object> params(Message message) {
        Map<String, Object> params = new LinkedHashMap<>(uriParams);
        Map<?, ?> fromHeader = message.getHeader(OkkiConstants.PARAMS, Map.class);
        if (fromHeader != null) {
            fromHeader.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        Object id = message.getHeader(OkkiConstants.ID);
        if (id != null && operation.idParameter() != null) {
            params.put(operation.idParameter(), id);
        }
        return params;
    }

    private List<Object> records(OkkiResponse response) {
        return response.records(operation.paging()).stream().map(recordMapper).toList();
    }

    private PageIterator<Object> allRecords(Map<String, Object> params, int pageSize, OkkiResponse first, int page) {
        Paging paging = operation.paging();
        return new PageIterator<>(number -> client.call(operation, paging.page(params, number, pageSize), null),
                paging, pageSize, first, page, recordMapper);
    }

    private int intParam(Map<String, Object> params, String name, int fallback) {
        Object value = params.get(name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.toString().strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OkkiInvalidRequestException("okki:" + operation.uri() + " needs " + name
                + " to be a whole number of at least 1, not '" + value + "'");
    }
}
