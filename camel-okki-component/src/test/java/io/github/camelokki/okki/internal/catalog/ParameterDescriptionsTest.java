package io.github.camelokki.okki.internal.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** parameters.txt: how a description is found for a parameter, and why the catalog refuses to load. */
class ParameterDescriptionsTest {

    private static final String OPERATIONS = """
            company/list | - | GET | /v1/company/list | company | none | - | count:integer time_type | - | index/list/totalItem | Lists.
            order/list | - | GET | /v1/invoices/order/list | invoices | none | - | count:integer time_type:integer | - | index/list/count | Lists.
            company/remove | - | POST | /v1/company/remove | company | form | company_id | - | company_id*:integer | - | Deletes.
            """;

    private static OperationCatalog parse(String parameters) {
        return OperationCatalog.parse(OPERATIONS, parameters, "", "");
    }

    /** Each operation's parameters with their descriptions, by operation URI. */
    private static Map<String, Map<String, String>> descriptions(OperationCatalog catalog) {
        return catalog.operations().stream().collect(Collectors.toMap(Operation::uri, op -> op.parameters()
                .collect(Collectors.toMap(Parameter::name, Parameter::description))));
    }

    @Test
    void aLineNamingTheOperationWinsOverTheSharedOne() {
        OperationCatalog catalog = parse("""
                # comment
                count | Page size.
                company/list time_type | Company time.
                order/list time_type | Order time.
                company/remove company_id | The company.
                """);

        assertEquals(Map.of(
                "company/list", Map.of("count", "Page size.", "time_type", "Company time."),
                "order/list", Map.of("count", "Page size.", "time_type", "Order time."),
                "company/remove", Map.of("company_id", "The company.")), descriptions(catalog));
    }

    @Test
    void oneLineMayDescribeAParameterOfSeveralOperations() {
        OperationCatalog catalog = parse("""
                company/list order/list count | Page size.
                company/list order/list time_type | Which time.
                company/remove company_id | The company.
                """);

        assertEquals("Which time.", catalog.require("order", "list").parameter("time_type").orElseThrow()
                .description());
        assertEquals("Page size.", catalog.require("company", "list").parameter("count").orElseThrow().description());
    }

    @Test
    void aParameterWithoutADescriptionStopsTheCatalog() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse("""
                count | Page size.
                company/list time_type | Company time.
                """));

        assertEquals("parameters.txt does not say what these parameters mean: okki:order/list time_type,"
                + " okki:company/remove company_id. Add a line such as 'order/list time_type | <what it means>', or"
                + " 'time_type | <what it means>' if it means the same in every operation that takes it.",
                e.getMessage());
    }

    @Test
    void aSharedLineThatDescribesNothingStopsTheCatalog() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse("""
                count | Page size.
                time_type | Which time.
                company/list order/list time_type | Which time, exactly.
                company/remove company_id | The company.
                word | Unused.
                """));

        assertEquals("parameters.txt describes parameters that no operation takes without a line of its own:"
                + " line 2 (time_type), line 5 (word). Remove those lines.", e.getMessage());
    }

    @Test
    void aLineNamingAnUnknownOperationOrParameterStopsTheCatalog() {
        assertEquals("parameters.txt line 1 is malformed: company/lsit is not an operation of operations.txt",
                assertThrows(IllegalStateException.class, () -> parse("company/lsit count | Page size.\n"))
                        .getMessage());
        assertEquals("parameters.txt line 2 is malformed: okki:company/remove takes no parameter count; it takes"
                + " company_id", assertThrows(IllegalStateException.class,
                        () -> parse("count | Page size.\ncompany/list company/remove count | Page size.\n"))
                        .getMessage());
    }

    @Test
    void aParameterDescribedTwiceOrEmptyStopsTheCatalog() {
        assertEquals("parameters.txt line 2 is malformed: company/list count is described on line 1 already",
                assertThrows(IllegalStateException.class,
                        () -> parse("company/list count | Page size.\ncompany/list count | Again.\n")).getMessage());
        assertEquals("parameters.txt line 1 is malformed: the description of count is empty",
                assertThrows(IllegalStateException.class, () -> parse("count | \n")).getMessage());
    }

    @Test
    void everyParameterOfTheStandardCatalogIsDescribed() {
        List<String> undescribed = OperationCatalog.standard().operations().stream()
                .flatMap(op -> op.parameters().filter(p -> p.description() == null || p.description().isBlank())
                        .map(p -> op.uri() + " " + p.name()))
                .toList();

        assertEquals(List.of(), undescribed);
        Operation companies = OperationCatalog.standard().require("company", "list");
        assertEquals("Which time start_time and end_time apply to: 1 the update time (the default), 2 the creation"
                + " time, 3 the time the company was filed as a customer.",
                companies.parameter("time_type").orElseThrow().description());
        assertEquals("Page number, counting from 1.", companies.parameter("start_index").orElseThrow().description());
        assertTrue(OperationCatalog.standard().require("lead", "list").parameter("count").orElseThrow().description()
                .endsWith("OKKI's default is 10."));
    }
}
