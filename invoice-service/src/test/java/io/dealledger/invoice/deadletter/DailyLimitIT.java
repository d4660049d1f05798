package io.dealledger.invoice.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.schemas.failures.FailureCategory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The US org's Books day is spent: a request is parked as BOOKS_DAILY_LIMIT with when it will be tried again,
 * and invoiced, once, when the org's Books day turns, with no one replaying it.
 */
@InvoiceServiceIT
class DailyLimitIT {

    @Test
    void aRequestPastTheDaysBooksLimitIsParkedSaysWhenAndIsIssuedOnceWhenTheDayTurns() {
        // Given Books refuses every further call of the US org today (429 code 45)
        String account = CrmData.usAccount("CA");
        InvoiceRequested request = Requests.wholeDeal(CrmData.deal("Closed Won", "250.00", "USD", account));
        TestZoho.admin().put("limits", "{\"books_daily\":1}");
        try {
            // When the request arrives
            Requests.send(request);

            // Then its answer says the day's limit is reached and when it will be tried again
            InvoiceRejected said = (InvoiceRejected) Requests.awaitOutcomes(request.getRequestId(), 1).get(0).value();
            assertThat(said.getReasons()).singleElement().satisfies(reason -> {
                assertThat(reason.getCode()).isEqualTo("BOOKS_DAILY_LIMIT");
                assertThat(reason.getCategory()).isEqualTo("BOOKS_DAILY_LIMIT");
                assertThat(reason.getMessage()).startsWith("Books daily API limit reached; will be retried after 00:00 ");
            });
            // And it is parked for the resumer, with the org and when its day turns
            ConsumerRecord<String, byte[]> parked = Requests.awaitDeadLetters(request.getDealId(), 1).get(0);
            assertThat(Requests.header(parked, FailureCategory.HEADER)).isEqualTo("BOOKS_DAILY_LIMIT");
            assertThat(Requests.header(parked, RejectedRequests.ORGANIZATION_HEADER)).isEqualTo(SeedIds.US_ORG_ID);
            assertThat(Instant.parse(Requests.header(parked, RejectedRequests.RESUME_AFTER_HEADER)))
                    .isAfter(Instant.now());

            // When Books' day turns: the emulator passes the org's midnight (Pacific), its count starts again
            Instant now = Instant.parse(TestZoho.admin().get("clock").path("now").asString());
            ZoneId pacific = ZoneId.of("America/Los_Angeles");
            Instant midnight = LocalDate.ofInstant(now, pacific).plusDays(1).atStartOfDay(pacific).toInstant();
            TestZoho.admin().post("clock/advance", "{\"seconds\":" + (Duration.between(now, midnight).toSeconds() + 60) + "}");
            TestZoho.admin().put("limits", "{\"books_daily\":1000000}");

            // Then the request is invoiced by itself, and Books holds one invoice for the deal
            assertThat(Requests.awaitEventuallyIssued(request).getOrganizationId()).isEqualTo(SeedIds.US_ORG_ID);
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> invoicesOfDeal(request.getDealId()) == 1);
        } finally {
            TestZoho.admin().put("limits", "{\"books_daily\":1000000}");
            TestZoho.admin().put("clock", "{\"offset_seconds\":0}");
        }
    }

    private static long invoicesOfDeal(String dealId) {
        long count = 0;
        for (var invoice : TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices").path("invoices").values()) {
            if (dealId.equals(invoice.path("zcrm_potential_id").asString(null))) {
                count++;
            }
        }
        return count;
    }
}
