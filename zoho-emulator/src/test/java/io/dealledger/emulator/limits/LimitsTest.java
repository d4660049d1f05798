package io.dealledger.emulator.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Response;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsTest extends EmulatorTest {

    @AfterEach
    void restoreLimits() {
        anonymous.post("/_emulator/reset", null);
    }

    private void limits(String body) {
        assertThat(anonymous.put("/_emulator/limits", json(body)).status()).isEqualTo(200);
    }

    @Test
    void perMinuteLimitAnswers429Code44ForThatOrganizationOnly() {
        limits("{'books_per_minute':3}");

        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> zoho.get(books("/items", US)).status()).toList();
        Response blocked = zoho.get(books("/items", US));

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(blocked.json().integer("code")).isEqualTo(44);
        assertThat(zoho.get(books("/items", UK)).status()).isEqualTo(200);
        advanceClock(Duration.ofSeconds(61));
        assertThat(zoho.get(books("/items", US)).status()).isEqualTo(200);
    }

    @Test
    void dailyCapAnswers429Code45() {
        limits("{'books_daily':2}");
        zoho.get(books("/items", US));
        zoho.get(books("/items", US));

        Response capped = zoho.get(books("/items", US));

        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.json().integer("code")).isEqualTo(45);
        assertThat(capped.json().string("message")).contains("maximum call rate limit of 2");
    }

    @Test
    void theDailyCapTurnsAtMidnightInTheOrganizationsTimeZone() {
        // the US seed org keeps Pacific time: put the emulator at 23:59:30 there
        java.time.Instant now = java.time.Instant.parse(anonymous.get("/_emulator/clock").json().string("now"));
        java.time.ZoneId pacific = java.time.ZoneId.of("America/Los_Angeles");
        java.time.Instant lateEvening = java.time.LocalDate.ofInstant(now, pacific).plusDays(1).atStartOfDay(pacific)
                .toInstant().minusSeconds(30);
        advanceClock(Duration.between(now, lateEvening));
        limits("{'books_daily':2}");
        zoho.get(books("/items", US));
        zoho.get(books("/items", US));
        assertThat(zoho.get(books("/items", US)).json().integer("code")).isEqualTo(45);

        advanceClock(Duration.ofSeconds(31));

        assertThat(zoho.get(books("/items", US)).status()).as("a new day in Pacific time").isEqualTo(200);
    }

    @Test
    void aBooksUsersActionsInTheWebAppAreNotCountedAgainstTheApiLimits() {
        limits("{'books_per_minute':1}");
        String web = io.dealledger.emulator.gate.ZohoGateFilter.WEB_USER_HEADER;

        assertThat(zoho.send("GET", books("/items", US), null, web, "true").status()).isEqualTo(200);
        assertThat(zoho.send("GET", books("/items", US), null, web, "true").status()).isEqualTo(200);
        assertThat(zoho.get(books("/items", US)).status()).as("the app's first call of the minute").isEqualTo(200);
        assertThat(zoho.get(books("/items", US)).status()).isEqualTo(429);

        String calls = anonymous.get("/_emulator/calls?family=books-web").rawBody();
        assertThat(calls).contains("\"family\":\"books-web\"");
    }

    @Test
    void requestsBeyondTheInFlightLimitAnswer429Code1070() {
        limits("{'books_in_flight':2}");
        anonymous.put("/_emulator/faults/" + US, json("{'latency_millis':400}"));

        List<Response> responses = concurrently(6, () -> zoho.sendAsync("GET", books("/items", US), null, Duration.ofSeconds(10)));

        assertThat(responses).extracting(Response::status).contains(200, 429);
        assertThat(responses.stream().filter(r -> r.status() == 429).map(r -> r.json().integer("code"))).containsOnly(1070);
    }

    @Test
    void crmConcurrencyLimitAnswers429TooManyRequests() {
        limits("{'crm_concurrency':1}");
        anonymous.put("/_emulator/faults/crm", json("{'latency_millis':400}"));

        List<Response> responses = concurrently(4, () -> zoho.sendAsync("GET", "/crm/v7/Deals?fields=Deal_Name", null, Duration.ofSeconds(10)));

        assertThat(responses).extracting(Response::status).contains(200, 429);
        assertThat(responses.stream().filter(r -> r.status() == 429).map(r -> r.json().string("code"))).containsOnly("TOO_MANY_REQUESTS");
    }

    @Test
    void limitsCanBeSwitchedOff() {
        limits("{'books_per_minute':1,'books_limits_enabled':false}");

        assertThat(IntStream.range(0, 3).map(i -> zoho.get(books("/items", US)).status())).containsOnly(200);
    }

    private static List<Response> concurrently(int count, java.util.function.Supplier<CompletableFuture<Response>> call) {
        List<CompletableFuture<Response>> futures = IntStream.range(0, count).mapToObj(i -> call.get()).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
