package io.dealledger.emulator.shape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds an emulator answer to a Zoho fixture (zoho-client/src/test/resources/zoho, see SOURCES.md there): every
 * key path of Zoho's example must be in the answer with the same JSON type — except those the test lists as not
 * modeled, each group with its reason. An array's element keys are checked over all its elements, so the answer
 * must have at least one. Two tolerances, both Zoho's own: a {@code null} in the example matches any value
 * (Zoho's schemas mark those nullable), and ids, codes, custom-field values and tax amounts may be a string or a
 * number (Zoho's examples give the same key as a string in one file and a number in another). A not-modeled entry
 * is a key path ({@code invoice.payment_options}) or a key name ({@code location_id}) wherever it appears.
 */
public final class FixtureShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FixtureShape() {
    }

    public static JsonNode fixture(String path) {
        try (InputStream in = FixtureShape.class.getResourceAsStream("/zoho/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture zoho/" + path + " (zoho-client/src/test/resources)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the answer carries the fixture's keys with their types, but for {@code notModeled} paths (and below). */
    public static void assertShape(String answer, String fixture, Set<String> notModeled) {
        Map<String, String> expected = types(fixture(fixture), "");
        Map<String, String> actual = types(JSON.readTree(answer), "");
        List<String> problems = new ArrayList<>();
        expected.forEach((path, type) -> {
            if (notModeled(path, notModeled)) {
                return;
            }
            String got = actual.get(path);
            if (got == null) {
                problems.add("missing " + path + " (" + type + ")");
            } else if (!compatible(path, type, got)) {
                problems.add(path + " is " + got + ", Zoho's is " + type);
            }
        });
        assertThat(problems).as("the emulator's answer differs from Zoho's %s:%n%s", fixture, answer).isEmpty();
    }

    private static boolean notModeled(String path, Set<String> notModeled) {
        for (String entry : notModeled) {
            boolean isPath = entry.contains(".") || entry.contains("[]");
            if (isPath ? path.equals(entry) || path.startsWith(entry + ".") || path.startsWith(entry + "[]")
                    : List.of(path.replace("[]", "").split("\\.")).contains(entry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compatible(String path, String expected, String actual) {
        if (expected.equals(actual) || expected.equals("null")) {
            return true;
        }
        return idLike(path) && Set.of("string", "number").contains(expected) && Set.of("string", "number").contains(actual);
    }

    private static boolean idLike(String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        return key.endsWith("_id") || key.endsWith("_number") || key.equals("id") || key.equals("zip")
                || key.equals("value") || key.equals("tax_amount");
    }

    /** Every key path with its JSON type; array elements under {@code name[]}, the union over all elements. */
    static Map<String, String> types(JsonNode node, String prefix) {
        Map<String, String> types = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
                JsonNode value = entry.getValue();
                types.put(path, type(value));
                if (value.isObject()) {
                    types.putAll(types(value, path));
                } else if (value.isArray()) {
                    value.values().forEach(element -> types.putAll(types(element, path + "[]")));
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(element -> types.putAll(types(element, prefix + "[]")));
        }
        return types;
    }

    private static String type(JsonNode value) {
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isNull()) {
            return "null";
        }
        return "string";
    }
}
