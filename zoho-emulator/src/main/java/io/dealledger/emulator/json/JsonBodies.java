package io.dealledger.emulator.json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies the way Zoho accepts them: a raw JSON object, or (older Books clients) a form
 * field {@code JSONString=<json>}. Decimals are read as BigDecimal so no amount ever passes through double.
 */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonBodies() {
    }

    public static JsonBody parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new JsonBody(new LinkedHashMap<>());
        }
        String json = raw.strip();
        if (json.startsWith("JSONString=")) {
            json = formField(json, "JSONString");
        }
        try {
            Object value = MAPPER.readValue(json, Object.class);
            if (!(value instanceof Map<?, ?> map)) {
                throw new MalformedBodyException("The request body must be a JSON object.");
            }
            return new JsonBody(cast(map));
        } catch (JacksonException e) {
            throw new MalformedBodyException("The request body is not valid JSON.");
        }
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
