package io.dealledger.payment.backfill;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static io.dealledger.payment.support.Kafka.facts;
import static io.dealledger.payment.support.Kafka.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.PaymentApplied;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.PaymentServiceTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An org's history in Books, never notified (the US org is not polled here), enters the ledger by a backfill. */
@PaymentServiceTest
class BackfillIT {

    private static final String ORG = Emulator.US_ORG;
    private static final String SOYLENT = SeedIds.BOOKS_CONTACT_SOYLENT;

    private final BooksApi books = new BooksApi(ORG);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aBackfillImportsAnOrgsInvoicesWithTheirPaymentsAndARerunResumesWithoutRepeatingAFact() throws Exception {
        // Given an invoice typed into Books and partly paid, of which dealledger was never told
        String invoice = books.createInvoice(SOYLENT, "800");
        String payment = books.pay(SOYLENT, invoice, "300");
        assertThat(facts(ORG, invoice)).isEmpty();

        // When the org is backfilled
        JsonNode first = backfillToTheEnd();

        // Then the invoice is in the ledger with its payment, and so is the org's older, seeded invoice
        assertThat(first.path("state").asString()).isEqualTo("DONE");
        assertThat(only(awaitFacts(ORG, invoice, "InvoiceImported", "PaymentApplied"), PaymentApplied.class)
                .getPaymentId()).isEqualTo(payment);
        assertThat(facts(ORG, SeedIds.BOOKS_INVOICE_SOYLENT)).extracting(f -> f.getClass().getSimpleName())
                .contains("InvoiceImported");
        // And its status tells an operator how far it went and what it cost
        assertThat(first.path("pages").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(first.path("invoicesSeen").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.path("paymentsApplied").asLong()).as("the typed-in invoice's payment at least")
                .isGreaterThanOrEqualTo(1);
        assertThat(first.path("callsSpent").asLong()).as("a list page, and the payments of the paid invoices")
                .isGreaterThanOrEqualTo(2);
        assertThat(first.path("callsLeftToday").asLong()).isPositive();

        // And a second run resumes from the checkpoint and publishes no fact twice
        JsonNode second = backfillToTheEnd();
        assertThat(second.path("resumedFrom").isNull()).isFalse();
        assertThat(second.path("paymentsApplied").asLong()).isZero();
        assertThat(second.path("factsPublished").asLong()).isZero();
        assertThat(second.path("callsLeftToday").asLong()).isLessThanOrEqualTo(first.path("callsLeftToday").asLong());
        assertThat(facts(ORG, invoice)).hasSize(2);
    }

    private JsonNode backfillToTheEnd() throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/api/v1/backfill/organizations/" + ORG);
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> json.readTree(http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString()).body()),
                        status -> !"RUNNING".equals(status.path("state").asString()));
    }
}
