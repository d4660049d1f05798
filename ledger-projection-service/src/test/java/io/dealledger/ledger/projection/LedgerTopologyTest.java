package io.dealledger.ledger.projection;

import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.events.DealLedger;
import io.dealledger.events.PaymentStatus;
import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {

    private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-10T12:00:00Z"));
    private final LedgerTopologyDriver projection = new LedgerTopologyDriver(clock, Duration.ofHours(1));

    @AfterEach
    void close() {
        projection.close();
    }

    @Test
    void aDealTurnsOverdueTheDayAfterItsDueDateWithoutAnyNewEvent() {
        // Given an unpaid invoice due today
        projection.pipe(Topics.CRM_DEALS.name(), "deal-1", dealChanged("dc", T, "org", "deal-1", "1000", "USD"));
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "1000", "USD", LocalDate.of(2026, 6, 10)));
        projection.fact(linked("lnk", T, "org", "inv-1", "deal-1"));
        assertThat(latest("deal-1").getPaymentStatus()).isEqualTo(PaymentStatus.UNPAID);
        // When the clock passes midnight and the hourly check runs
        clock.advance(Duration.ofHours(13));
        projection.driver.advanceWallClockTime(Duration.ofHours(1));
        // Then the deal is overdue, in a new version
        DealLedger overdue = latest("deal-1");
        assertThat(overdue.getPaymentStatus()).isEqualTo(PaymentStatus.OVERDUE);
        assertThat(overdue.getOverdue()).isEqualByComparingTo("1000");
        assertThat(overdue.getInvoices().get(0).getStatus()).isEqualTo("overdue");
    }

    @Test
    void reLinkingMovesAllTheInvoicesMoneyToTheNewDeal() {
        // Given a paid-in-part invoice on deal A
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "1000", "USD", null));
        projection.fact(linked("lnk-a", T.plusSeconds(1), "org", "inv-1", "deal-a"));
        projection.fact(paid("pay", T.plusSeconds(2), "org", "inv-1", "p1", "400", "USD", LocalDate.of(2026, 6, 1)));
        // When it is linked to deal B
        projection.fact(linked("lnk-b", T.plusSeconds(3), "org", "inv-1", "deal-b"));
        // Then A has nothing and B has all of it
        Map<String, DealLedger> ledgers = projection.drainLatest(new HashMap<>());
        assertThat(ledgers.get("deal-a").getTotalInvoiced()).isEqualByComparingTo("0");
        assertThat(ledgers.get("deal-a").getPaymentStatus()).isEqualTo(PaymentStatus.NOT_INVOICED);
        assertThat(ledgers.get("deal-b").getTotalPaid()).isEqualByComparingTo("400");
        assertThat(ledgers.get("deal-b").getOutstanding()).isEqualByComparingTo("600");
    }

    @Test
    void aDuplicateFactPublishesNothingNew() {
        // Given a deal's ledger
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "1000", "USD", null));
        projection.fact(linked("lnk", T, "org", "inv-1", "deal-1"));
        projection.fact(paid("pay", T, "org", "inv-1", "p1", "400", "USD", null));
        List<DealLedger> before = projection.dealLedgers.readValuesToList();
        // When the payment is delivered again
        projection.fact(paid("pay", T, "org", "inv-1", "p1", "400", "USD", null));
        // Then no new version is published
        assertThat(before).extracting(DealLedger::getVersion).containsExactly(1L, 2L);
        assertThat(projection.dealLedgers.isEmpty()).isTrue();
    }

    @Test
    void anOverPaymentIsDeadLetteredWithTheReasonAndTheLedgerStaysAsItWas() {
        // Given an invoice of 100 with 80 paid
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "100", "USD", null));
        projection.fact(linked("lnk", T, "org", "inv-1", "deal-1"));
        projection.fact(paid("p1", T, "org", "inv-1", "p1", "80", "USD", null));
        // When a payment of 30 arrives
        projection.fact(paid("p2", T, "org", "inv-1", "p2", "30", "USD", null));
        // Then it is on the dead-letter topic with why, and the deal still owes 20
        TestRecord<String, org.apache.avro.specific.SpecificRecord> dead = projection.deadLetters.readRecord();
        Header reason = dead.headers().lastHeader("dealledger-dlt-reason");
        assertThat(new String(reason.value())).contains("would make the balance -10.000 USD");
        assertThat(latest("deal-1").getOutstanding()).isEqualByComparingTo("20");
        assertThat(projection.registry.get("dealledger.ledger.facts").tag("outcome", "rejected").counter().count())
                .isEqualTo(1.0);
    }

    private DealLedger latest(String deal) {
        return projection.drainLatest(latestSeen).get(deal);
    }

    private final Map<String, DealLedger> latestSeen = new HashMap<>();

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests run in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
