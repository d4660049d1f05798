package io.dealledger.emulator.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.json.JsonBodies;

/** A response body navigated by simple paths ({@code invoice.line_items[0].item_total}); numbers as BigDecimal. */
public record Json(Object root) {

    public static Json parse(String body) {
        if (body == null || body.isBlank()) {
            return new Json(Map.of());
        }
        return new Json(JsonBodies.parse(body).asMap());
    }

    public Object at(String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            String key = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                key = part.substring(0, bracket);
                index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
            }
            if (!key.isEmpty()) {
                current = current instanceof Map<?, ?> map ? map.get(key) : null;
            }
            if (index != null) {
                current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
            }
        }
        return current;
    }

    public String string(String path) {
        Object value = at(path);
        return value == null ? null : value.toString();
    }

    public BigDecimal decimal(String path) {
        Object value = at(path);
        return value == null ? null : new BigDecimal(value.toString());
    }

    public int integer(String path) {
        return decimal(path).intValueExact();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        Object value = at(path);
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    public Json get(String path) {
        return new Json(at(path));
    }
}
