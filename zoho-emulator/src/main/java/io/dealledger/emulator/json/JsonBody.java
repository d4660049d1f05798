package io.dealledger.emulator.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed JSON object with typed reads; amounts come back as BigDecimal, never double. */
public final class JsonBody {

    private final Map<String, Object> values;

    public JsonBody(Map<String, Object> values) {
        this.values = values;
    }

    public static JsonBody of(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new JsonBody(JsonBodies.cast(map));
        }
        return new JsonBody(new LinkedHashMap<>());
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    public Object raw(String key) {
        return values.get(key);
    }

    public String string(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    public String string(String key, String fallback) {
        String value = string(key);
        return value == null ? fallback : value;
    }

    /** The value as a decimal, or null when absent; throws {@link NumberFormatException} when not a number. */
    public BigDecimal decimal(String key) {
        return decimalOf(values.get(key));
    }

    public static BigDecimal decimalOf(Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number || value instanceof String) {
            return new BigDecimal(value.toString().strip());
        }
        throw new NumberFormatException("not a number: " + value);
    }

    public boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }

    public List<JsonBody> objects(String key) {
        List<JsonBody> result = new ArrayList<>();
        if (values.get(key) instanceof List<?> list) {
            for (Object element : list) {
                result.add(of(element));
            }
        }
        return result;
    }

    public List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        if (values.get(key) instanceof List<?> list) {
            for (Object element : list) {
                result.add(String.valueOf(element));
            }
        }
        return result;
    }

    public boolean isList(String key) {
        return values.get(key) instanceof List<?>;
    }

    public JsonBody object(String key) {
        return of(values.get(key));
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
