package io.dealledger.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.dealledger.gateway.auth.CrmSignature;
import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.gateway.support.TestSecrets;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Table-driven: hundreds of generated malformed and hostile bodies (wrong types, huge and negative numbers,
 * lookalike unicode, deep nesting, truncated JSON, invalid UTF-8), each sent authenticated so it reaches
 * validation. Every one must be refused with a 4xx problem, never a 5xx, and nothing may be published.
 */
class HostileBodiesIT extends GatewayIT {

    private record Case(String name, String path, Map<String, String> headers, MediaType type, byte[] body) {
    }

    /** Values that are wrong for any amount or percentage field. */
    private static final List<String> BAD_NUMBERS = List.of("-1", "-0.001", "\"-5\"", "1e400", "-1e400", "1e-400",
            "123456789012345678901234567890", "\"1,000\"", "\"12 EUR\"", "\"NaN\"", "\"Infinity\"", "NaN", "true", "[]",
            "{}", "[1]", "\"\\u0661\\u0662\"", "\"１２\"", "0x10", "1.2.3", "\"1e5\"", "99999999999999999999.5",
            "1.00001", "0.00001");
    /** Values that are wrong for any Zoho id field. */
    private static final List<String> BAD_IDS = List.of("\"abc\"", "\"12a\"", "\"١٢٣\"", "\"１２３\"", "-1", "1.5", "true",
            "[]", "{}", "[\"1\"]", "\"1 2\"", "\"" + "9".repeat(31) + "\"", "\"12\\u0000\"", "1e3", "\"-12\"",
            "\"<script>\"", "\"' OR 1=1 --\"", "\"../../etc\"");
    private static final List<String> BAD_CURRENCIES = List.of("\"usd\"", "\"US\"", "\"USDD\"", "\"€\"", "\"ＵＳＤ\"",
            "\"ABC\"", "1", "true", "[]", "{}", "\"U\\u0000D\"");
    private static final List<String> BAD_DATES = List.of("\"2024-13-01\"", "\"2024-02-30\"", "\"yesterday\"",
            "20240101", "\"2024-1-1\"", "[]");
    private static final List<String> BAD_ROOTS = List.of("", " ", "null", "[]", "\"text\"", "42", "true",
            "{", "}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{\"a\":1} {\"b\":2}", "{\"a\":1}x",
            "{\"a\":01}", "{\"a\":\"\\x\"}", "\uFEFF{}", "{\"a\":\"unterminated}", "{\"a\":[1,2}", "{\"a\":tru}");

    @Test
    void everyHostileBodyIsRefusedWithA4xxAndNothingIsPublished() {
        List<Case> cases = new ArrayList<>();
        invoiceRequests(cases, "invoice-requests");
        invoiceRequests(cases, "invoice-previews");
        booksWebhooks(cases);
        crmWebhooks(cases);
        deadLetterReplays(cases);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        System.out.println("hostile bodies: " + cases.size());
        List<TopicSpec> topics = List.of(Topics.INVOICE_REQUESTS, Topics.BOOKS_EVENTS, Topics.INVOICE_LINKS, Topics.CRM_DEALS,
                Topics.DEAD_LETTER_REPLAYS);
        List<Integer> before = topics.stream().map(topic -> probe(topic).records().size()).toList();

        SoftAssertions softly = new SoftAssertions();
        for (Case hostile : cases) {
            EntityExchangeResult<byte[]> result = send(hostile);
            int status = result.getStatus().value();
            softly.assertThat(status).as("%s → %s", hostile.name(), new String(result.getResponseBodyContent() == null
                    ? new byte[0] : result.getResponseBodyContent(), StandardCharsets.UTF_8)).isBetween(400, 499);
            softly.assertThat(result.getResponseHeaders().getContentType()).as(hostile.name())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        softly.assertAll();

        assertThat(topics.stream().map(topic -> probe(topic).records().size()).toList()).isEqualTo(before);
    }

    private EntityExchangeResult<byte[]> send(Case hostile) {
        return http.post().uri(hostile.path())
                .headers(headers -> hostile.headers().forEach(headers::set))
                .contentType(hostile.type())
                .bodyValue(hostile.body())
                .exchange().expectBody().returnResult();
    }

    private static Map<String, String> signature(byte[] body) {
        return Map.of(CrmSignature.HEADER, CrmSignature.sign(TestSecrets.CRM, Instant.now().getEpochSecond(), body));
    }

    /** Invoice requests, or previews of them: the same body, the same rules. */
    private static void invoiceRequests(List<Case> cases, String route) {
        String path = "/api/v1/deals/" + newId() + "/" + route;
        Function<String, Case> json = body -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Case(route + " " + body, path, signature(bytes), MediaType.APPLICATION_JSON, bytes);
        };
        BAD_ROOTS.stream().filter(body -> !body.isBlank()).map(json).forEach(cases::add);
        for (String value : BAD_NUMBERS) {
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":" + value + "}}"));
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"fixedAmount\":" + value + ",\"currency\":\"USD\"}}"));
        }
        for (String currency : BAD_CURRENCIES) {
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"fixedAmount\":10,\"currency\":" + currency + "}}"));
        }
        for (String label : List.of("true", "1", "[]", "{}", "\"\"", "\"a\\u0007b\"", "\"" + "ü".repeat(101) + "\"")) {
            cases.add(json.apply("{\"stage\":{\"label\":" + label + ",\"percentage\":10}}"));
        }
        String valid = "{\"stage\":{\"label\":\"Deposit 30%\",\"percentage\":30},\"requestedBy\":\"jane\"}";
        for (int cut = 1; cut < valid.length(); cut += 3) {
            cases.add(json.apply(valid.substring(0, cut)));
        }
        for (int depth : List.of(33, 100, 1_000, 5_000)) {
            cases.add(json.apply("{\"stage\":" + "[".repeat(depth) + "]".repeat(depth) + "}"));
            cases.add(json.apply("{\"stage\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}"));
        }
        cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":10,\"percentage\":20}}"));
        cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":10},\"unknown\":1}"));
        cases.add(json.apply("{\"stage\":{\"label\":\"x\"}}"));
        cases.add(json.apply("{\"stage\":{\"percentage\":10}}"));
        cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":10,\"currency\":\"USD\"}}"));
        cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"fixedAmount\":10}}"));
        cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":" + "9".repeat(70) + "}}"));
        cases.add(json.apply("{\"requestedBy\":" + "\"" + "x".repeat(300) + "\"}"));
        byte[] invalidUtf8 = {'{', '"', 'r', 'e', 'q', 'u', 'e', 's', 't', 'e', 'd', 'B', 'y', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, '"', '}'};
        cases.add(new Case(route + " invalid UTF-8", path, signature(invalidUtf8), MediaType.APPLICATION_JSON,
                invalidUtf8));
        for (String dealId : List.of("abc", "%D9%A1%D9%A2", "1%2E5", "-1", "9".repeat(31))) {
            byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
            cases.add(new Case(route + " deal " + dealId, "/api/v1/deals/" + dealId + "/" + route,
                    signature(empty), MediaType.APPLICATION_JSON, empty));
        }
    }

    private static void booksWebhooks(List<Case> cases) {
        String path = "/webhooks/books/" + TestSecrets.ORG;
        Map<String, String> secret = Map.of("X-Dealledger-Webhook-Secret", TestSecrets.BOOKS);
        Function<String, Case> json = body -> new Case("books " + body, path, secret, MediaType.APPLICATION_JSON,
                body.getBytes(StandardCharsets.UTF_8));
        BAD_ROOTS.stream().map(json).forEach(cases::add);
        String id = "\"" + newId() + "\"";
        for (String bad : BAD_IDS) {
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + bad + "}}"));
            cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + bad + "}}"));
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"invoices\":[{\"invoice_id\":" + bad + "}]}}"));
        }
        for (String bad : BAD_NUMBERS) {
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"amount\":" + bad + "}}"));
            cases.add(json.apply("{\"creditnote\":{\"creditnote_id\":" + id + ",\"total\":" + bad + "}}"));
        }
        for (String bad : BAD_CURRENCIES) {
            cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + id + ",\"currency_code\":" + bad + "}}"));
        }
        for (String bad : BAD_DATES) {
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"date\":" + bad + "}}"));
        }
        for (String bad : List.of("{}", "[]", "\"x\"", "1", "{\"invoice\":{}}")) {
            cases.add(json.apply("{\"payment\":" + bad + "}"));
        }
        cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + id + "},\"payment\":{\"payment_id\":" + id + "}}"));
        cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"invoices\":\"x\"}}"));
        cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"payment_id\":\"2\"}}"));
        cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + "},\"event_type\":\"payment_created\"}"));
        cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + id + "},\"event_type\":\"payment_deleted\"}"));
        cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + id + ",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}}"));
        cases.add(new Case("books form without JSONString", path, secret, MediaType.APPLICATION_FORM_URLENCODED,
                "payment_id=1&amount=2".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("books form with broken JSONString", path, secret, MediaType.APPLICATION_FORM_URLENCODED,
                "JSONString=%7B%22payment%22%3A".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("books form with bad escape", path, secret, MediaType.APPLICATION_FORM_URLENCODED,
                "JSONString=%ZZ".getBytes(StandardCharsets.UTF_8)));
    }

    private static void crmWebhooks(List<Case> cases) {
        Map<String, String> secret = Map.of("X-Dealledger-Crm-Secret", TestSecrets.CRM_WEBHOOK);
        Function<String, Case> json = body -> new Case("crm " + body, "/webhooks/crm", secret,
                MediaType.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8));
        BAD_ROOTS.stream().map(json).forEach(cases::add);
        String id = "\"" + newId() + "\"";
        for (String bad : BAD_IDS) {
            cases.add(json.apply("{\"deal_id\":" + bad + ",\"amount\":1}"));
            cases.add(json.apply("{\"deal_id\":" + id + ",\"account_id\":" + bad + "}"));
        }
        for (String bad : BAD_NUMBERS) {
            cases.add(json.apply("{\"deal_id\":" + id + ",\"amount\":" + bad + "}"));
        }
        for (String bad : BAD_CURRENCIES) {
            cases.add(json.apply("{\"deal_id\":" + id + ",\"currency\":" + bad + "}"));
        }
        String notification = "{\"module\":\"Deals\",\"operation\":\"update\",\"channel_id\":\"" + TestSecrets.CHANNEL_ID
                + "\",\"token\":\"" + TestSecrets.NOTIFICATION_TOKEN + "\",\"ids\":%s}";
        for (String ids : List.of("[]", "\"1\"", "[\"abc\"]", "[1.5]", "[[\"1\"]]", "[{}]", "[null]", "{}")) {
            cases.add(new Case("crm notification ids " + ids, "/webhooks/crm", Map.of(), MediaType.APPLICATION_JSON,
                    notification.formatted(ids).getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(new Case("crm form with duplicate field", "/webhooks/crm", secret, MediaType.APPLICATION_FORM_URLENCODED,
                ("deal_id=" + newId() + "&deal_id=2").getBytes(StandardCharsets.UTF_8)));
    }

    /** Replay bodies that fail validation before any dead letter is looked up. */
    private static void deadLetterReplays(List<Case> cases) {
        Function<String, Case> json = body -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Case("dead-letter replay " + body, "/api/v1/dead-letters/replays", signature(bytes),
                    MediaType.APPLICATION_JSON, bytes);
        };
        BAD_ROOTS.stream().map(json).forEach(cases::add);
        String one = "{\"service\":\"invoice-service\",\"deadLetterTopic\":\"invoice.requests.v1.invoice-service.dlt\","
                + "\"partition\":%s,\"offset\":%s}";
        for (String bad : List.of("-1", "1.5", "1.0", "1e3", "\"abc\"", "\"-1\"", "true", "[]", "{}", "[0]",
                "2147483648", "99999999999999999999", "\"\\u0661\"", "\"１\"")) {
            cases.add(json.apply(one.formatted(bad, "0")));
            cases.add(json.apply(one.formatted("0", bad)));
        }
        for (String bad : List.of("1", "true", "[]", "{}", "\"a\\u0007b\"", "\"" + "t".repeat(250) + "\"")) {
            cases.add(json.apply("{\"service\":\"invoice-service\",\"deadLetterTopic\":" + bad
                    + ",\"partition\":0,\"offset\":0}"));
        }
        for (String bad : List.of("\"\"", "\"Invoice-Service\"", "\"invoice-service \\u0000\"", "\"crm\"", "1", "[]",
                "{}", "null", "\"ｉnvoice-service\"")) {
            cases.add(json.apply("{\"service\":" + bad + "}"));
        }
        cases.add(json.apply("{\"service\":\"invoice-service\",\"deadLetterTopic\":\"x.invoice-service.dlt\"}"));
        cases.add(json.apply("{\"service\":\"invoice-service\",\"offset\":3}"));
        cases.add(json.apply("{\"service\":\"invoice-service\",\"service\":\"payment-service\"}"));
        cases.add(json.apply("{\"service\":\"invoice-service\",\"all\":true}"));
    }
}
