package io.dealledger.gateway.json;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.gateway.auth.Hmac;
import io.dealledger.gateway.problem.Refusal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns raw request bytes into a JSON object, defensively: strict UTF-8, no duplicate keys, no trailing
 * content, bounded nesting and number length, and every decimal read as {@code BigDecimal} (never a double).
 * Also reads form-encoded bodies, including Books' {@code JSONString=<json>}. Anything malformed is a 400.
 */
public final class JsonBodies {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxNumberLength(64)
                            .maxStringLength(128 * 1024)
                            .maxNameLength(256)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /** The body as a JSON object; a 400 naming the reason (and the field, for a number) when it is not one. */
    public static ObjectNode object(byte[] body) {
        String text = utf8(body);
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw Refusal.invalid("body", "is not valid JSON: " + shorten(e.getOriginalMessage()));
        } catch (NumberFormatException | ArithmeticException e) {
            // valid JSON, but a number no BigDecimal can hold (1e2147483648: its exponent overflows an int)
            throw Refusal.invalid(unrepresentableNumber(text), "is a number whose exponent is out of range");
        }
        if (node == null || !node.isObject()) {
            throw Refusal.invalid("body", "must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body; a field given twice is refused. */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = utf8(body);
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.isEmpty()) {
                throw Refusal.invalid("body", "has a form field without a name");
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw Refusal.invalid(name, "is given more than once");
            }
        }
        return fields;
    }

    /** Form fields as a JSON object of strings, so one set of field rules reads both encodings. */
    public static ObjectNode formAsObject(byte[] body) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        form(body).forEach(object::put);
        return object;
    }

    /**
     * A SHA-256 of the node with object keys sorted, so the same content in any key order hashes the same:
     * the identity of a webhook that carries no modification time.
     */
    public static String canonicalHash(JsonNode node) {
        StringBuilder out = new StringBuilder();
        writeCanonical(node, out);
        return Hmac.digestHex(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void writeCanonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            out.append('{');
            for (String name : names) {
                quoted(name, out);
                out.append(':');
                writeCanonical(node.get(name), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(element -> {
                writeCanonical(element, out);
                out.append(',');
            });
            out.append(']');
        } else if (node.isString()) {
            quoted(node.stringValue(), out);
        } else {
            out.append(MAPPER.writeValueAsString(node));
        }
    }

    /** A string as the mapper writes it (the same escapes), without a generator per string: most of a hash's cost. */
    private static void quoted(String text, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        out.append('"');
    }

    /** The path (e.g. {@code stage.percentage}) of the first number in {@code json} a BigDecimal cannot hold. */
    private static String unrepresentableNumber(String json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                    try {
                        parser.getDecimalValue();
                    } catch (NumberFormatException | ArithmeticException e) {
                        return path(parser.streamReadContext());
                    }
                }
            }
        } catch (JacksonException | NumberFormatException | ArithmeticException e) {
            return "body";
        }
        return "body";
    }

    /** {@code stage.percentage}, {@code payment.invoices[0].amount}: a field as the refusals name it. */
    private static String path(TokenStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            path.insert(0, at.inObject() ? "." + at.currentName() : "[" + at.getCurrentIndex() + "]");
        }
        return path.isEmpty() ? "body" : path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** Strict UTF-8: malformed byte sequences are a 400, not silently replaced. */
    public static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("body", "is not valid UTF-8");
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("body", "has malformed form encoding");
        }
    }

    private static String shorten(String message) {
        String oneLine = message == null ? "unreadable" : message.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
