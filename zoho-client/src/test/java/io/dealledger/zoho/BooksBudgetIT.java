package io.dealledger.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.zoho.books.BooksRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Books allows 100 requests per minute per organization, and a service alone may spend 90 of them (a tenth is
 * left to the customer's other apps). A burst of 180 calls for one org must be paced over two minutes' windows
 * without a single 429 from Zoho, and must not slow another org. Takes about a minute: the emulator's window is
 * a real minute.
 */
class BooksBudgetIT {

    static ZohoEmulator zoho;

    @BeforeAll
    static void start() {
        zoho = ZohoEmulator.start(Map.of());
    }

    @AfterAll
    static void stop() {
        zoho.close();
    }

    @Test
    void aBurstOf180CallsStaysUnder100PerMinuteWithNo429WhileAnotherOrgIsNotSlowed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ZohoClients clients = ZohoClients.create(ZohoSettings.of(URI.create(zoho.baseUrl()), URI.create(zoho.baseUrl()),
                null, zoho.clientId(), zoho.clientSecret(), zoho.refreshToken()), meters);
        long start = System.nanoTime();

        Mono<List<BooksRecords.Invoice>> burst = Flux.range(0, 180)
                .flatMap(i -> clients.books().getInvoice(SeedIds.US_ORG_ID, SeedIds.BOOKS_INVOICE_SOYLENT), 180)
                .collectList().subscribeOn(Schedulers.parallel());
        Mono<Long> otherOrgDoneAfter = Flux.range(0, 20)
                .flatMap(i -> clients.books().organizations().collectList()
                        .then(clients.books().listTaxes(SeedIds.UK_ORG_ID).collectList()), 5)
                .then(Mono.fromCallable(() -> System.nanoTime() - start));

        List<BooksRecords.Invoice> invoices = burst.zipWith(otherOrgDoneAfter.subscribeOn(Schedulers.parallel()),
                (results, otherNanos) -> {
                    assertThat(Duration.ofNanos(otherNanos)).as("the UK org's 40 calls were not held behind the US burst")
                            .isLessThan(Duration.ofSeconds(20));
                    return results;
                }).block(Duration.ofMinutes(4));
        Duration burstTook = Duration.ofNanos(System.nanoTime() - start);

        assertThat(invoices).hasSize(180);
        assertThat(statusCount(SeedIds.US_ORG_ID, 429)).as("429s from Books for the US org").isZero();
        assertThat(statusCount(SeedIds.US_ORG_ID, 200)).isEqualTo(180);
        assertThat(burstTook).as("180 calls at 90/min need two windows").isGreaterThan(Duration.ofMinutes(1));
        assertThat(meters.find("zoho.ratelimit.wait").tag("org", SeedIds.US_ORG_ID).timer().max(
                java.util.concurrent.TimeUnit.SECONDS)).isGreaterThan(55);
        System.out.printf("180 Books calls for one org took %d s; max limiter wait %.0f s%n", burstTook.toSeconds(),
                meters.find("zoho.ratelimit.wait").tag("org", SeedIds.US_ORG_ID).timer().max(java.util.concurrent.TimeUnit.SECONDS));
    }

    static long statusCount(String org, int status) {
        long total = 0;
        for (JsonNode row : zoho.admin().get("calls?family=books").path("calls").values()) {
            if (org.equals(row.path("organization_id").asString(null)) && row.path("status").asInt() == status) {
                total += row.path("count").asLong();
            }
        }
        return total;
    }
}
