package io.dealledger.gateway.hostile;

import static io.dealledger.gateway.hostile.HostileCase.Auth.BOOKS;
import static io.dealledger.gateway.hostile.HostileCase.Auth.CRM;
import static io.dealledger.gateway.hostile.HostileCase.Auth.CRM_WEBHOOK;
import static io.dealledger.gateway.hostile.HostileCase.Auth.NONE;
import static io.dealledger.gateway.hostile.HostileCase.Auth.OPERATOR;
import static io.dealledger.gateway.support.GatewayIT.newId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.dealledger.gateway.support.TestSecrets;

import org.springframework.http.HttpMethod;

/**
 * Generated malformed and hostile bodies for every public route that takes one: wrong types, huge and negative
 * numbers and numbers whose exponent overflows an int, lookalike unicode, deep nesting, truncated JSON, invalid
 * UTF-8. Each is authenticated as its route requires, so it reaches validation.
 */
final class HostileBodies {

    /** Numbers a BigDecimal cannot hold, or only with an exponent that overflows arithmetic on it. */
    static final List<String> OVERFLOWING = List.of("1e2147483648", "1E+9999999999999", "1e-2147483649",
            "1e2147483647", "-1e2147483648", "1e-2147483647", "0e2147483648");
    /** Values that are wrong for any amount or percentage field. */
    static final List<String> BAD_NUMBERS = Stream.concat(OVERFLOWING.stream(), Stream.of("-1", "-0.001", "\"-5\"",
            "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "\"1,000\"", "\"12 EUR\"", "\"NaN\"",
            "\"Infinity\"", "NaN", "true", "[]", "{}", "[1]", "\"\\u0661\\u0662\"", "\"１２\"", "0x10", "1.2.3", "\"1e5\"",
            "99999999999999999999.5", "1.00001", "0.00001")).toList();
    /** Values that are wrong for any Zoho id field. */
    static final List<String> BAD_IDS = Stream.concat(OVERFLOWING.stream(), Stream.of("\"abc\"", "\"12a\"", "\"١٢٣\"",
            "\"１２３\"", "-1", "1.5", "true", "[]", "{}", "[\"1\"]", "\"1 2\"", "\"" + "9".repeat(31) + "\"",
            "\"12\\u0000\"", "1e3", "\"-12\"", "\"<script>\"", "\"' OR 1=1 --\"", "\"../../etc\"")).toList();
    static final List<String> BAD_CURRENCIES = List.of("\"usd\"", "\"US\"", "\"USDD\"", "\"€\"", "\"ＵＳＤ\"",
            "\"ABC\"", "1", "true", "[]", "{}", "\"U\\u0000D\"");
    static final List<String> BAD_DATES = List.of("\"2024-13-01\"", "\"2024-02-30\"", "\"yesterday\"",
            "20240101", "\"2024-1-1\"", "[]");
    static final List<String> BAD_ROOTS = List.of("", " ", "null", "[]", "\"text\"", "42", "true",
            "{", "}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{\"a\":1} {\"b\":2}", "{\"a\":1}x",
            "{\"a\":01}", "{\"a\":\"\\x\"}", "\uFEFF{}", "{\"a\":\"unterminated}", "{\"a\":[1,2}", "{\"a\":tru}",
            "{\"a\":1e2147483648}");
    private static final byte[] INVALID_UTF8 = {'{', '"', 'r', 'e', 'q', 'u', 'e', 's', 't', 'e', 'd', 'B', 'y', '"',
            ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    private HostileBodies() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        invoiceRequests(cases, "invoice-requests");
        invoiceRequests(cases, "invoice-previews");
        invoiceLinks(cases);
        booksWebhooks(cases);
        crmWebhooks(cases);
        deadLetterReplays(cases);
        return cases;
    }

    /** Invoice requests, or previews of them: the same body, the same rules. */
    private static void invoiceRequests(List<HostileCase> cases, String route) {
        String path = "/api/v1/deals/" + newId() + "/" + route;
        Function<String, HostileCase> json = body -> HostileCase.json(route, HttpMethod.POST, path, CRM, body);
        BAD_ROOTS.stream().filter(body -> !body.isBlank()).map(json).forEach(cases::add);
        for (String value : BAD_NUMBERS) {
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":" + value + "}}"));
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"fixedAmount\":" + value + ",\"currency\":\"USD\"}}"));
        }
        for (String currency : BAD_CURRENCIES) {
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"fixedAmount\":10,\"currency\":" + currency + "}}"));
        }
        for (String label : List.of("true", "1", "[]", "{}", "\"\"", "\"a\\u0007b\"", "\"" + "ü".repeat(101) + "\"",
                "1e2147483648")) {
            cases.add(json.apply("{\"stage\":{\"label\":" + label + ",\"percentage\":10}}"));
        }
        String valid = "{\"stage\":{\"label\":\"Deposit 30%\",\"percentage\":30},\"requestedBy\":\"jane\"}";
        for (int cut = 1; cut < valid.length(); cut++) {
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
        cases.add(json.apply("{\"requestedBy\":1e2147483648}"));
        for (String value : OVERFLOWING) {
            // the same forms as strings take the other path: the decimal pattern, not the JSON parser
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":\"" + value + "\"}}"));
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"fixedAmount\":\"" + value + "\",\"currency\":\"USD\"}}"));
            cases.add(json.apply("{\"stage\":{\"label\":\"x\",\"percentage\":[" + value + "]}}"));
        }
        cases.add(HostileCase.bytes(route, "invalid UTF-8", HttpMethod.POST, path, CRM, "application/json", INVALID_UTF8));
        for (String dealId : List.of("abc", "%D9%A1%D9%A2", "1%2E5", "-1", "9".repeat(31), "1e2147483648")) {
            String other = "/api/v1/deals/" + dealId + "/" + route;
            cases.add(HostileCase.json(route, HttpMethod.POST, other, CRM, "{}"));
        }
        if (route.equals("invoice-requests")) {
            cases.add(HostileCase.json(route, HttpMethod.POST, path, CRM, "{}").withHeader("Idempotency-Key", "has spaces"));
        }
    }

    private static void invoiceLinks(List<HostileCase> cases) {
        String route = "invoice-links";
        String path = "/api/v1/deals/" + newId() + "/invoice-links";
        Function<String, HostileCase> json = body -> HostileCase.json(route, HttpMethod.POST, path, CRM, body);
        BAD_ROOTS.stream().map(json).forEach(cases::add);
        String invoice = "\"" + newId() + "\"";
        // (a 30-digit number is a valid invoice id)
        BAD_NUMBERS.stream().filter(bad -> !bad.matches("[0-9]{1,30}"))
                .forEach(bad -> cases.add(json.apply("{\"invoiceId\":" + bad + "}")));
        for (String bad : BAD_IDS) {
            cases.add(json.apply("{\"invoiceId\":" + bad + "}"));
            cases.add(json.apply("{\"invoiceId\":" + invoice + ",\"organizationId\":" + bad + "}"));
        }
        for (String bad : List.of("1", "true", "[]", "{}", "\"a\\u0007b\"", "\"" + "r".repeat(201) + "\"", "1e2147483648")) {
            cases.add(json.apply("{\"invoiceId\":" + invoice + ",\"requestedBy\":" + bad + "}"));
        }
        String valid = "{\"invoiceId\":" + invoice + ",\"organizationId\":\"" + TestSecrets.ORG + "\"}";
        for (int cut = 1; cut < valid.length(); cut++) {
            cases.add(json.apply(valid.substring(0, cut)));
        }
        cases.add(json.apply("{\"invoiceId\":" + invoice + ",\"invoiceId\":\"2\"}"));
        cases.add(json.apply("{\"invoiceId\":" + invoice + ",\"dealId\":\"2\"}"));
        cases.add(json.apply("{\"organizationId\":\"" + TestSecrets.ORG + "\"}"));
        cases.add(HostileCase.bytes(route, "invalid UTF-8", HttpMethod.POST, path, CRM, "application/json", INVALID_UTF8));
    }

    private static void booksWebhooks(List<HostileCase> cases) {
        String route = "books-webhook";
        String path = "/webhooks/books/" + TestSecrets.ORG;
        Function<String, HostileCase> json = body -> HostileCase.json(route, HttpMethod.POST, path, BOOKS, body);
        BAD_ROOTS.stream().map(json).forEach(cases::add);
        String id = "\"" + newId() + "\"";
        for (String bad : BAD_IDS) {
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + bad + "}}"));
            cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + bad + "}}"));
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"invoices\":[{\"invoice_id\":" + bad + "}]}}"));
        }
        for (String bad : BAD_IDS) {
            // Books names a payment's record "customerpayment" in some payloads: the same rules apply
            cases.add(json.apply("{\"customerpayment\":{\"payment_id\":" + bad + "}}"));
            cases.add(json.apply("{\"customerpayment\":{\"payment_id\":" + id + ",\"invoices\":[{\"invoice_id\":" + bad
                    + "}]}}"));
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"customer_id\":" + bad + "}}"));
            cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + id + ",\"customer_id\":" + bad + "}}"));
            cases.add(json.apply("{\"creditnote\":{\"creditnote_id\":" + bad + "}}"));
        }
        for (String bad : BAD_NUMBERS) {
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"amount\":" + bad + "}}"));
            cases.add(json.apply("{\"creditnote\":{\"creditnote_id\":" + id + ",\"total\":" + bad + "}}"));
            cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + id + ",\"total\":" + bad + "}}"));
        }
        for (String value : OVERFLOWING) {
            cases.add(json.apply("{\"payment\":{\"payment_id\":" + id + ",\"amount\":\"" + value + "\"}}"));
            cases.add(json.apply("{\"invoice\":{\"invoice_id\":" + id + ",\"total\":\"" + value + "\"}}"));
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
        String form = "application/x-www-form-urlencoded";
        cases.add(HostileCase.bytes(route, "form without JSONString", HttpMethod.POST, path, BOOKS, form,
                "payment_id=1&amount=2".getBytes(StandardCharsets.UTF_8)));
        cases.add(HostileCase.bytes(route, "form with broken JSONString", HttpMethod.POST, path, BOOKS, form,
                "JSONString=%7B%22payment%22%3A".getBytes(StandardCharsets.UTF_8)));
        cases.add(HostileCase.bytes(route, "form with bad escape", HttpMethod.POST, path, BOOKS, form,
                "JSONString=%ZZ".getBytes(StandardCharsets.UTF_8)));
        cases.add(HostileCase.bytes(route, "form with an overflowing amount", HttpMethod.POST, path, BOOKS, form,
                ("JSONString=%7B%22payment%22%3A%7B%22payment_id%22%3A" + id.replace("\"", "%22")
                        + "%2C%22amount%22%3A1e2147483648%7D%7D").getBytes(StandardCharsets.UTF_8)));
    }

    private static void crmWebhooks(List<HostileCase> cases) {
        String route = "crm-webhook";
        Function<String, HostileCase> json = body -> HostileCase.json(route, HttpMethod.POST, "/webhooks/crm",
                CRM_WEBHOOK, body);
        BAD_ROOTS.stream().map(json).forEach(cases::add);
        String id = "\"" + newId() + "\"";
        for (String bad : BAD_IDS) {
            cases.add(json.apply("{\"deal_id\":" + bad + ",\"amount\":1}"));
            cases.add(json.apply("{\"deal_id\":" + id + ",\"account_id\":" + bad + "}"));
        }
        for (String bad : BAD_NUMBERS) {
            cases.add(json.apply("{\"deal_id\":" + id + ",\"amount\":" + bad + "}"));
        }
        for (String value : OVERFLOWING) {
            cases.add(json.apply("{\"deal_id\":" + id + ",\"amount\":\"" + value + "\"}"));
            cases.add(HostileCase.bytes(route, "form amount " + value, HttpMethod.POST, "/webhooks/crm", CRM_WEBHOOK,
                    "application/x-www-form-urlencoded", ("deal_id=" + newId() + "&amount=" + value.replace("+", "%2B"))
                            .getBytes(StandardCharsets.UTF_8)));
            cases.add(HostileCase.bytes(route, "form deal_id " + value, HttpMethod.POST, "/webhooks/crm", CRM_WEBHOOK,
                    "application/x-www-form-urlencoded", ("deal_id=" + value.replace("+", "%2B"))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        for (String bad : BAD_CURRENCIES) {
            cases.add(json.apply("{\"deal_id\":" + id + ",\"currency\":" + bad + "}"));
        }
        String notification = "{\"module\":\"Deals\",\"operation\":\"update\",\"channel_id\":\"" + TestSecrets.CHANNEL_ID
                + "\",\"token\":\"" + TestSecrets.NOTIFICATION_TOKEN + "\",\"ids\":%s}";
        for (String ids : List.of("[]", "\"1\"", "[\"abc\"]", "[1.5]", "[[\"1\"]]", "[{}]", "[null]", "{}",
                "[1e2147483648]", "[1E+9999999999999]", "[1e-2147483649]", "[\"1e2147483648\"]")) {
            cases.add(HostileCase.json(route, HttpMethod.POST, "/webhooks/crm", NONE, notification.formatted(ids)));
        }
        cases.add(HostileCase.bytes(route, "form with duplicate field", HttpMethod.POST, "/webhooks/crm", CRM_WEBHOOK,
                "application/x-www-form-urlencoded", ("deal_id=" + newId() + "&deal_id=2").getBytes(StandardCharsets.UTF_8)));
    }

    /** Replay bodies that fail validation before any dead letter is looked up. */
    private static void deadLetterReplays(List<HostileCase> cases) {
        String route = "dead-letter-replays";
        Function<String, HostileCase> json = body -> HostileCase.json(route, HttpMethod.POST,
                "/api/v1/dead-letters/replays", OPERATOR, body);
        BAD_ROOTS.stream().map(json).forEach(cases::add);
        String one = "{\"service\":\"invoice-service\",\"deadLetterTopic\":\"invoice.requests.v1.invoice-service.dlt\","
                + "\"partition\":%s,\"offset\":%s}";
        List<String> bad = Stream.concat(OVERFLOWING.stream(), Stream.of("-1", "1.5", "1.0", "1e3", "\"abc\"", "\"-1\"",
                "true", "[]", "{}", "[0]", "2147483648", "99999999999999999999", "\"\\u0661\"", "\"１\"")).toList();
        for (String value : bad) {
            cases.add(json.apply(one.formatted(value, "0")));
            if (!value.equals("2147483648")) {
                // (an offset may be that large: it would name a dead letter that is not there, a 404)
                cases.add(json.apply(one.formatted("0", value)));
            }
        }
        for (String topic : List.of("1", "true", "[]", "{}", "\"a\\u0007b\"", "\"" + "t".repeat(250) + "\"")) {
            cases.add(json.apply("{\"service\":\"invoice-service\",\"deadLetterTopic\":" + topic
                    + ",\"partition\":0,\"offset\":0}"));
        }
        for (String service : List.of("\"\"", "\"Invoice-Service\"", "\"invoice-service \\u0000\"", "\"crm\"", "1", "[]",
                "{}", "null", "\"ｉnvoice-service\"", "1e2147483648")) {
            cases.add(json.apply("{\"service\":" + service + "}"));
        }
        cases.add(json.apply("{\"service\":\"invoice-service\",\"deadLetterTopic\":\"x.invoice-service.dlt\"}"));
        cases.add(json.apply("{\"service\":\"invoice-service\",\"offset\":3}"));
        cases.add(json.apply("{\"service\":\"invoice-service\",\"service\":\"payment-service\"}"));
        cases.add(json.apply("{\"service\":\"invoice-service\",\"all\":true}"));
    }
}
