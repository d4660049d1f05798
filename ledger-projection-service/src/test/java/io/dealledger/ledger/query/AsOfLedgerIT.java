package io.dealledger.ledger.query;

import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.dealledger.ledger.EventSender;
import io.dealledger.ledger.LedgerProjectionApplication;
import io.dealledger.ledger.UsesZohoEmulator;
import io.dealledger.testkit.kafka.UsesKafka;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/deals/{dealId}/ledger?asOf=yyyy-MM-dd} on the service (real broker, the shared context): a deal
 * with an invoice re-linked away and a payment entered after its Books date, read as of three dates; bad dates are
 * 400 problems naming {@code asOf}. {@code GET /api/v1/accounts/{accountId}/ledger?asOf=}: an account whose deal
 * moved to another account, read as of the days before and after the move, and the same 400 and 404 problems.
 */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class AsOfLedgerIT implements UsesZohoEmulator {

    private static final String ORG = "org-it";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLedgerAsOfADateHoldsTheInvoicesLinkedThenAndWhatBooksHadRecordedForThem() throws Exception {
        // Given a deal worth 1000 since ten days ago, invoices A (600) and B (400) linked to it then,
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate linkedOn = today.minusDays(10);
        LocalDate relinkedOn = today.minusDays(5);
        Instant linkedAt = linkedOn.atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant relinkedAt = relinkedOn.atTime(9, 0).toInstant(ZoneOffset.UTC);
        String deal = "asof-" + UUID.randomUUID();
        String other = deal + "-other";
        String a = "A-" + deal;
        String b = "B-" + deal;
        // B re-linked to another deal five days ago, and a payment of 200 on A dated ten days ago, entered in Books
        // and read only two days ago
        try (EventSender sender = new EventSender()) {
            sender.sendAll(List.of(
                    dealChanged("dc-" + deal, linkedAt.minusSeconds(3600), ORG, deal, "1000", "USD"),
                    imported("imp-" + a, linkedAt, ORG, a, "INV-A", "600", "USD", linkedOn, today.plusDays(30)),
                    imported("imp-" + b, linkedAt, ORG, b, "INV-B", "400", "USD", linkedOn, today.plusDays(30)),
                    linked("link-" + a, linkedAt.plusSeconds(60), ORG, a, deal),
                    linked("link-" + b, linkedAt.plusSeconds(60), ORG, b, deal),
                    linked("relink-" + b, relinkedAt, ORG, b, other),
                    paid("pay-" + a, today.minusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC), ORG, a, "pay-" + a,
                            "200", "USD", linkedOn)));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> json(get("/api/v1/deals/" + deal + "/ledger")),
                now -> now != null && "200.000".equals(now.path("totalPaid").asString()));

        // When it is read as of the day the invoices were linked
        JsonNode then = json(get("/api/v1/deals/" + deal + "/ledger?asOf=" + linkedOn));
        // Then both invoices count, and the payment with its Books date
        assertThat(then.path("asOf").asString()).isEqualTo(linkedOn.toString());
        assertThat(then.path("zone").asString()).isEqualTo("UTC");
        assertThat(then.path("through").asString()).isEqualTo(linkedOn.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant().minusNanos(1).toString());
        assertThat(then.path("totalInvoiced").asString()).isEqualTo("1000.000");
        assertThat(then.path("totalPaid").asString()).isEqualTo("200.000");
        assertThat(then.path("outstanding").asString()).isEqualTo("800.000");
        assertThat(then.path("dealValue").asString()).isEqualTo("1000.000");
        assertThat(then.path("invoices").size()).isEqualTo(2);
        assertThat(then.path("paymentStatus").asString()).isEqualTo("PARTIALLY_PAID");

        // When it is read as of the re-link's day, Then B has left it and counts on the other deal
        JsonNode relinked = json(get("/api/v1/deals/" + deal + "/ledger?asOf=" + relinkedOn));
        assertThat(relinked.path("totalInvoiced").asString()).isEqualTo("600.000");
        assertThat(relinked.path("invoices").path(0).path("invoiceId").asString()).isEqualTo(a);
        assertThat(json(get("/api/v1/deals/" + other + "/ledger?asOf=" + relinkedOn)).path("totalInvoiced")
                .asString()).isEqualTo("400.000");
        assertThat(json(get("/api/v1/deals/" + other + "/ledger?asOf=" + linkedOn)).path("invoices").size())
                .isZero();

        // When it is read as of a day before anything was linked, Then it had nothing invoiced yet
        JsonNode before = json(get("/api/v1/deals/" + deal + "/ledger?asOf=" + linkedOn.minusDays(1)));
        assertThat(before.path("paymentStatus").asString()).isEqualTo("NOT_INVOICED");
        assertThat(before.path("totalInvoiced").asString()).isEqualTo("0.000");
    }

    @Test
    void aDateThatIsNoCalendarDateOrNotOverYetIsAProblemNamingAsOf() throws Exception {
        // Given a deal the ledger knows
        String deal = "asof-bad-" + UUID.randomUUID();
        try (EventSender sender = new EventSender()) {
            sender.sendAll(List.of(dealChanged("dc-" + deal, Instant.now(), ORG, deal, "1000", "USD")));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> get("/api/v1/deals/" + deal + "/ledger").statusCode(), status -> status == 200);
        // When it is asked for as of the 45th day of the 13th month, Then a 400 problem names the field and why
        assertProblemNamingAsOf(get("/api/v1/deals/" + deal + "/ledger?asOf=2026-13-45"), "yyyy-MM-dd", "2026-13-45");
        // When it is asked for as of the day after tomorrow, Then the same, saying the day is not over
        assertProblemNamingAsOf(get("/api/v1/deals/" + deal + "/ledger?asOf=" + LocalDate.now(ZoneOffset.UTC)
                .plusDays(2)), "after today");
        // And an unknown deal as of a date is a 404, as without one
        assertThat(get("/api/v1/deals/no-such-deal/ledger?asOf=2026-06-30").statusCode()).isEqualTo(404);
    }

    @Test
    void anAccountAsOfADateSumsTheDealsItHadThenAsEachStoodThen() throws Exception {
        // Given account X with deal 1 (invoice A, 600, paid 200 by a payment dated the link's day but entered two
        // days ago) and deal 2 (invoice C, 300), both since ten days ago, and deal 1 moved to account Y five days ago
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate linkedOn = today.minusDays(10);
        LocalDate movedOn = today.minusDays(5);
        Instant linkedAt = linkedOn.atTime(9, 0).toInstant(ZoneOffset.UTC);
        String run = "asof-acc-" + UUID.randomUUID();
        String x = run + "-x";
        String y = run + "-y";
        String deal1 = run + "-1";
        String deal2 = run + "-2";
        String a = "A-" + run;
        String c = "C-" + run;
        try (EventSender sender = new EventSender()) {
            sender.sendAll(List.of(
                    dealChanged("dc1-" + run, linkedAt.minusSeconds(3600), ORG, deal1, "1000", "USD", x),
                    dealChanged("dc2-" + run, linkedAt.minusSeconds(3600), ORG, deal2, "300", "USD", x),
                    imported("imp-" + a, linkedAt, ORG, a, "INV-A", "600", "USD", linkedOn, today.plusDays(30)),
                    imported("imp-" + c, linkedAt, ORG, c, "INV-C", "300", "USD", linkedOn, today.plusDays(30)),
                    linked("link-" + a, linkedAt.plusSeconds(60), ORG, a, deal1, x),
                    linked("link-" + c, linkedAt.plusSeconds(60), ORG, c, deal2, x),
                    dealChanged("move-" + run, movedOn.atTime(9, 0).toInstant(ZoneOffset.UTC), ORG, deal1, "1000",
                            "USD", y),
                    paid("pay-" + a, today.minusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC), ORG, a, "pay-" + a,
                            "200", "USD", linkedOn)));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> json(get("/api/v1/accounts/" + y + "/ledger")),
                now -> now != null && "200.000".equals(now.path("currencies").path(0).path("totalPaid").asString()));

        // When X is read as of the link's day, Then both deals count, deal 1 with the payment by its Books date
        JsonNode then = json(get("/api/v1/accounts/" + x + "/ledger?asOf=" + linkedOn));
        assertThat(then.path("asOf").asString()).isEqualTo(linkedOn.toString());
        assertThat(then.path("mainCurrency").asString()).isEqualTo("USD");
        JsonNode usd = then.path("currencies").path(0);
        assertThat(usd.path("deals").asInt()).isEqualTo(2);
        assertThat(usd.path("totalInvoiced").asString()).isEqualTo("900.000");
        assertThat(usd.path("totalPaid").asString()).isEqualTo("200.000");
        assertThat(usd.path("outstanding").asString()).isEqualTo("700.000");
        assertThat(then.path("deals").findValuesAsString("dealId")).containsExactly(deal1, deal2);
        assertThat(then.path("deals").path(0).path("zone").asString()).isEqualTo("UTC");
        assertThat(then.path("deals").path(0).path("through").asString()).isEqualTo(linkedOn.plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1).toString());
        // And Y had nothing then
        JsonNode yThen = json(get("/api/v1/accounts/" + y + "/ledger?asOf=" + linkedOn));
        assertThat(yThen.path("currencies").size()).isZero();
        assertThat(yThen.path("deals").size()).isZero();

        // When both are read as of the move's day, Then deal 1 and its money are Y's, X keeps deal 2
        JsonNode xMoved = json(get("/api/v1/accounts/" + x + "/ledger?asOf=" + movedOn));
        assertThat(xMoved.path("currencies").path(0).path("deals").asInt()).isEqualTo(1);
        assertThat(xMoved.path("currencies").path(0).path("totalInvoiced").asString()).isEqualTo("300.000");
        JsonNode yMoved = json(get("/api/v1/accounts/" + y + "/ledger?asOf=" + movedOn));
        assertThat(yMoved.path("currencies").path(0).path("totalInvoiced").asString()).isEqualTo("600.000");
        assertThat(yMoved.path("currencies").path(0).path("totalPaid").asString()).isEqualTo("200.000");

        // When X is read as of today, Then its sums are today's
        JsonNode now = json(get("/api/v1/accounts/" + x + "/ledger"));
        assertThat(json(get("/api/v1/accounts/" + x + "/ledger?asOf=" + today)).path("currencies"))
                .isEqualTo(now.path("currencies"));
    }

    @Test
    void anAccountAsOfADateThatIsNoCalendarDateOrNotOverYetIsAProblemNamingAsOf() throws Exception {
        // Given an account the ledger knows
        String account = "asof-bad-acc-" + UUID.randomUUID();
        String deal = account + "-deal";
        try (EventSender sender = new EventSender()) {
            sender.sendAll(List.of(dealChanged("dc-" + deal, Instant.now(), ORG, deal, "1000", "USD", account)));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> get("/api/v1/accounts/" + account + "/ledger").statusCode(), status -> status == 200);
        // When it is asked for as of the 45th day of the 13th month, Then a 400 problem names the field and why
        assertProblemNamingAsOf(get("/api/v1/accounts/" + account + "/ledger?asOf=2026-13-45"), "yyyy-MM-dd",
                "2026-13-45");
        // When it is asked for as of the day after tomorrow, Then the same, saying the day is not over
        assertProblemNamingAsOf(get("/api/v1/accounts/" + account + "/ledger?asOf=" + LocalDate.now(ZoneOffset.UTC)
                .plusDays(2)), "after today");
        // And an unknown account as of a date is a 404 naming accountId, as without one
        HttpResponse<String> unknown = get("/api/v1/accounts/no-such-account/ledger?asOf=2026-06-30");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("field").asString()).isEqualTo("accountId");
    }

    /** A 400 problem+json naming {@code asOf}, its reason saying each of {@code why}. */
    private static void assertProblemNamingAsOf(HttpResponse<String> response, String... why) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("field").asString()).isEqualTo("asOf");
        assertThat(problem.path("reason").asString()).contains(why);
    }

    private JsonNode json(HttpResponse<String> response) {
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
