package io.dealledger.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** Reading Books JSON leniently: amounts may come as numbers or strings, dates as yyyy-mm-dd or blank. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = text(node, field);
        return text == null ? null : new BigDecimal(text.trim());
    }

    static BigDecimal decimalOrZero(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        array.values().forEach(item -> items.add(read.apply(item)));
        return List.copyOf(items);
    }

    /** Books custom fields as api_name → value (api names look like cf_crm_deal_id). */
    static Map<String, String> customFields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.path("custom_fields").values().forEach(field -> {
            String name = text(field, "api_name");
            if (name != null) {
                fields.put(name, text(field, "value"));
            }
        });
        return Map.copyOf(fields);
    }
}
