package io.dealledger.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.dealledger.gateway.auth.Hmac;
import io.dealledger.gateway.problem.Refusal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Numbers a decimal cannot hold are refused as bad values of their field, never as a fault. */
class JsonBodiesTest {

    private static void assertRefusedNaming(String json, String field) {
        assertThatThrownBy(() -> JsonBodies.object(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.field()).isEqualTo(field);
                });
    }

    @Test
    void aNumberWhoseExponentOverflowsAnIntIsA400NamingItsField() {
        assertRefusedNaming("{\"stage\":{\"label\":\"x\",\"percentage\":1e2147483648}}", "stage.percentage");
        assertRefusedNaming("{\"stage\":{\"fixedAmount\":1E+9999999999999}}", "stage.fixedAmount");
        assertRefusedNaming("{\"payment\":{\"invoices\":[{\"amount_applied\":1e-2147483649}]}}",
                "payment.invoices[0].amount_applied");
        assertRefusedNaming("{\"partition\":0,\"offset\":-1e2147483648}", "offset");
    }

    @Test
    void aNumberThatParsesButIsAstronomicallyLargeIsRefusedBeforeAnyArithmetic() {
        // 1e2147483647 parses, and precision − scale of it overflows an int: it must not pass as small
        assertThatThrownBy(() -> Amounts.checked("stage.fixedAmount", new BigDecimal("1e2147483647"), 3, 17))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.reason()).contains("digits before"));
        assertThatThrownBy(() -> Amounts.checked("stage.fixedAmount", new BigDecimal("1e-2147483647"), 3, 17))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.reason()).contains("decimals"));
    }

    /**
     * The hash is part of every Books event id (a webhook without a modification time): it must not change between
     * versions, or a webhook redelivered across an upgrade would look new. The reference is how it was first
     * written, every string through the mapper.
     */
    @Test
    void theCanonicalHashIsTheSameAsWhenEveryStringWentThroughTheMapper() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            JsonNode body = randomObject(random, 0);
            assertThat(JsonBodies.canonicalHash(body)).as(body.toString()).isEqualTo(referenceHash(body));
        }
        JsonNode payment = JsonBodies.object(("{\"payment\":{\"payment_id\":\"460000000004000\",\"amount\":100.25,"
                + "\"currency_code\":\"USD\",\"invoices\":[{\"invoice_id\":\"460000000003001\",\"amount_applied\":100}],"
                + "\"reference_number\":\"Zahlung \\\"Q1\\\"\\n\\u00e9\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(JsonBodies.canonicalHash(payment)).isEqualTo(referenceHash(payment));
    }

    private static String referenceHash(JsonNode node) {
        StringBuilder out = new StringBuilder();
        reference(JsonMapper.builder().build(), node, out);
        return Hmac.digestHex(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void reference(JsonMapper mapper, JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            out.append('{');
            for (String name : names) {
                out.append(mapper.writeValueAsString(name)).append(':');
                reference(mapper, node.get(name), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(element -> {
                reference(mapper, element, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(mapper.writeValueAsString(node));
        }
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = random.nextInt(6); i >= 0; i--) {
            String name = randomText(random);
            switch (depth > 2 ? random.nextInt(4) : random.nextInt(6)) {
                case 0 -> object.put(name, randomText(random));
                case 1 -> object.put(name, new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(4)));
                case 2 -> object.put(name, random.nextBoolean());
                case 3 -> object.putNull(name);
                case 4 -> object.set(name, randomObject(random, depth + 1));
                default -> {
                    ArrayNode array = object.putArray(name);
                    for (int k = random.nextInt(3); k >= 0; k--) {
                        array.add(random.nextBoolean() ? randomObject(random, depth + 1)
                                : JsonNodeFactory.instance.stringNode(randomText(random)));
                    }
                }
            }
        }
        return object;
    }

    /** Letters, quotes, backslashes, control characters, non-ASCII and surrogate pairs. */
    private static String randomText(Random random) {
        String pool = "aZ09 _-\"\\/\u0000\u0001\u001f\n\t\r\b\f\u007f\u00e9\u2028\u20ac\ud83d\ude00<>&'";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(pool.charAt(random.nextInt(pool.length())));
        }
        return text.toString();
    }
}
