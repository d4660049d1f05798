package io.dealledger.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** Reading Books JSON leniently: amounts may come as numbers or strings, dates as yyyy-mm-dd or blank. */
final class Json {

    private static final String UNFORMATTED = "_unformatted";

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    /** The first of {@code fields} the node carries a value for (Books names one thing differently per endpoint). */
    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = text(node, field);
        return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
    }

    static BigDecimal decimalOrZero(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The first of {@code fields} the node carries an amount for, or null. */
    static BigDecimal firstDecimal(JsonNode node, String... fields) {
        for (String field : fields) {
            BigDecimal value = decimal(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim().substring(0, Math.min(10, text.trim().length())));
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        array.values().forEach(item -> items.add(read.apply(item)));
        return List.copyOf(items);
    }

    /** The array's rows, or null when the answer does not carry the array at all (not the same as "none"). */
    static <T> List<T> listOrNull(JsonNode node, String field, Function<JsonNode, T> read) {
        JsonNode array = node.path(field);
        return array.isArray() ? list(array, read) : null;
    }

    /**
     * Books custom fields as api_name → value (api names look like cf_crm_deal_id); a field without a value maps to
     * null. Zoho's published examples carry no {@code api_name} (only {@code customfield_id}, {@code label},
     * {@code value}), so a field is also named by its {@code placeholder}, by {@code custom_field_hash}, and last by
     * the api name Books derives from its label ("Deal Id" → cf_deal_id).
     */
    static Map<String, String> customFields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.path("custom_fields").values().forEach(field -> {
            String name = firstText(field, "api_name", "placeholder");
            if (name == null && text(field, "label") != null) {
                name = apiNameOfLabel(text(field, "label"));
            }
            if (name != null) {
                fields.put(name, text(field, "value"));
            }
        });
        node.path("custom_field_hash").properties().forEach(entry -> {
            if (!entry.getKey().endsWith(UNFORMATTED) && !fields.containsKey(entry.getKey())) {
                JsonNode value = entry.getValue();
                fields.put(entry.getKey(), value.isNull() || value.isContainer() ? null : value.asString());
            }
        });
        // Map.copyOf refuses null values, and an unset custom field is one
        return Collections.unmodifiableMap(fields);
    }

    static String apiNameOfLabel(String label) {
        String words = label.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return words.isEmpty() ? null : "cf_" + words;
    }
}
