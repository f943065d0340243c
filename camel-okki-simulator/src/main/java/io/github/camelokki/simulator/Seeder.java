package io.github.camelokki.simulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes plausible record fields for a resource from its table row, so examples and tests have data that looks like
 * a foreign trade CRM's without each resource needing its own generator.
 */
final class Seeder {

    private static final List<String> COUNTRIES = List.of("US", "DE", "GB", "FR", "BR", "IN", "JP", "AE", "AU", "MX",
            "ZA", "VN");
    private static final List<String> ORG_STEMS = List.of("Atlas", "Harbor", "Nordic", "Pacific", "Summit", "Orion",
            "Meridian", "Cobalt", "Evergreen", "Falcon", "Granite", "Lumen");
    private static final List<String> ORG_KINDS = List.of("Trading", "Imports", "Supply", "Industries", "Retail",
            "Logistics");
    private static final List<String> ORG_SUFFIXES = List.of("Ltd", "GmbH", "Inc", "LLC", "S.A.", "Pty Ltd");
    private static final List<String> PRODUCTS = List.of("LED Panel Light", "Solar Inverter", "Steel Pipe",
            "Cotton T-Shirt", "Bluetooth Speaker", "Ceramic Tile", "Hydraulic Pump", "Office Chair");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "CNY", "GBP");
    private static final List<String> BANKS = List.of("Bank of China", "HSBC", "Citibank", "ICBC");
    private static final List<String> NOTES = List.of("Sent the catalogue and price list", "Called about samples",
            "Met at the trade fair", "Asked for a revised quotation", "Followed up on the payment terms");
    /** OKKI's follow-up types: quick note, phone call, meeting, e-mail. */
    private static final List<Integer> NOTE_TYPES = List.of(101, 103, 104, 110);

    private Seeder() {
    }

    /** Fields of the {@code serial}-th seeded record of the kind (ids and times are added by the caller). */
    static Map<String, Object> fields(ResourceKind kind, int serial, Random random) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (kind.numberField() != null) {
            String digits = Integer.toString(serial);
            fields.put(kind.numberField(), kind.numberPrefix() + "0".repeat(Math.max(0, 6 - digits.length())) + digits);
        }
        switch (kind.naming()) {
            case ORGANISATION -> {
                fields.put("name", pick(ORG_STEMS, random) + " " + pick(ORG_KINDS, random) + " "
                        + pick(ORG_SUFFIXES, random) + " " + serial);
                fields.put("country", pick(COUNTRIES, random));
            }
            case DEAL -> fields.put("name", "Deal " + serial + " for " + pick(PRODUCTS, random));
            case PRODUCT -> {
                fields.put("name", pick(PRODUCTS, random) + " " + (char) ('A' + random.nextInt(26)) + serial);
                fields.put("product_type", 1 + random.nextInt(2));
            }
            case ACCOUNT -> {
                fields.put("name", pick(CURRENCIES, random) + " account " + serial);
                fields.put("capital_bank", pick(BANKS, random));
                fields.put("status", 1);
            }
            case WAREHOUSE -> fields.put("name", "Warehouse " + serial);
            case NOTE -> {
                fields.put("type", pick(NOTE_TYPES, random));
                fields.put("content", pick(NOTES, random));
            }
            case NONE -> { }
        }
        if (kind.monetary()) {
            fields.put("amount", BigDecimal.valueOf(100 + random.nextInt(9_900_000), 2));
            fields.put("currency", pick(CURRENCIES, random));
        }
        return fields;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
