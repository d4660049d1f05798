package io.dealledger.ledger.projection;

import static io.dealledger.ledger.Events.amended;
import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.issued;
import static io.dealledger.ledger.Events.linkRejected;
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

import io.dealledger.events.AccountCurrencyTotals;
import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealInvoice;
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
        // Given an unpaid invoice due today, on a deal of account acc-1
        projection.pipe(Topics.CRM_DEALS.name(), "deal-1", dealChanged("dc", T, "org", "deal-1", "1000", "USD", "acc-1"));
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
        // And so is its account
        assertThat(usd(latestAccount("acc-1")).getOverdue()).isEqualByComparingTo("1000");
    }

    @Test
    void aEuroDealOnADollarOrganizationIsLedgeredInEurosAndNeverSummedWithItsDollarInvoice() {
        // Given a EUR deal of the US org, invoiced by invoice-service in EUR (Books' rate), half paid, and a USD
        // invoice of the same org linked to it by hand
        String org = "10234695";
        projection.pipe(Topics.INVOICE_OUTCOMES.name(), "deal-eur",
                issued("iss-eur", T, org, "deal-eur", "req-eur", "inv-eur", "2170", "2000", "EUR"));
        projection.fact(imported("imp-eur", T, org, "inv-eur", "INV-E", "2170", "EUR", null));
        projection.fact(linked("lnk-eur", T, org, "inv-eur", "deal-eur"));
        projection.fact(paid("pay-eur", T, org, "inv-eur", "p-eur", "1085", "EUR", LocalDate.of(2026, 6, 2)));
        projection.fact(imported("imp-usd", T, org, "inv-usd", "INV-U", "500", "USD", null));
        projection.fact(linked("lnk-usd", T, org, "inv-usd", "deal-eur"));

        // When the deal's ledger is read
        DealLedger ledger = latest("deal-eur");

        // Then its totals are the EUR invoice's, in EUR; the USD invoice is listed, flagged, and not summed
        assertThat(ledger.getCurrency()).isEqualTo("EUR");
        assertThat(ledger.getTotalInvoiced()).isEqualByComparingTo("2170");
        assertThat(ledger.getTotalPaid()).isEqualByComparingTo("1085");
        assertThat(ledger.getOutstanding()).isEqualByComparingTo("1085");
        assertThat(ledger.getInvoices()).extracting(DealInvoice::getStatus).contains("currency_mismatch:USD");
    }

    @Test
    void aDealThatChangesAccountTakesItsMoneyToTheNewAccount() {
        // Given deal 1 (USD 1000, 400 paid) and deal 2 (EUR 500) of account A
        projection.pipe(Topics.CRM_DEALS.name(), "deal-1",
                dealChanged("dc1", T, "org", "deal-1", "1000", "USD", "acc-a"));
        projection.pipe(Topics.CRM_DEALS.name(), "deal-2",
                dealChanged("dc2", T, "org", "deal-2", "500", "EUR", "acc-a"));
        projection.fact(imported("imp-1", T, "org", "inv-1", "INV-1", "1000", "USD", null));
        projection.fact(linked("lnk-1", T, "org", "inv-1", "deal-1"));
        projection.fact(paid("pay-1", T, "org", "inv-1", "p1", "400", "USD", LocalDate.of(2026, 6, 2)));
        projection.fact(imported("imp-2", T, "org", "inv-2", "INV-2", "500", "EUR", null));
        projection.fact(linked("lnk-2", T, "org", "inv-2", "deal-2"));
        AccountLedger before = latestAccount("acc-a");
        assertThat(before.getCurrencies()).extracting(AccountCurrencyTotals::getCurrency).containsExactly("EUR", "USD");
        assertThat(usd(before).getOutstanding()).isEqualByComparingTo("600");
        // When CRM moves deal 1 to account B
        projection.pipe(Topics.CRM_DEALS.name(), "deal-1", dealChanged("dc1-b", T.plusSeconds(60), "org", "deal-1",
                "1000", "USD", "acc-b"));
        // Then A keeps only its EUR deal and B has deal 1's dollars, in a newer version
        AccountLedger a = latestAccount("acc-a");
        assertThat(a.getCurrencies()).singleElement().satisfies(eur -> {
            assertThat(eur.getCurrency()).isEqualTo("EUR");
            assertThat(eur.getTotalInvoiced()).isEqualByComparingTo("500");
            assertThat(eur.getDeals()).isEqualTo(1);
        });
        assertThat(a.getVersion()).isGreaterThan(before.getVersion());
        AccountCurrencyTotals b = usd(latestAccount("acc-b"));
        assertThat(b.getTotalInvoiced()).isEqualByComparingTo("1000");
        assertThat(b.getTotalPaid()).isEqualByComparingTo("400");
        assertThat(b.getOpenDeals()).isEqualTo(1);
        assertThat(latest("deal-1").getAccountId()).isEqualTo("acc-b");
    }

    @Test
    void reLinkingAnInvoiceToADealOfAnotherAccountMovesItsMoneyBetweenTheAccounts() {
        // Given an invoice of 1000, 250 paid, on deal A of account 1; deal B belongs to account 2
        projection.pipe(Topics.CRM_DEALS.name(), "deal-a", dealChanged("dca", T, "org", "deal-a", null, "USD", "acc-1"));
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "1000", "USD", null));
        projection.fact(linked("lnk-a", T.plusSeconds(1), "org", "inv-1", "deal-a"));
        projection.fact(paid("pay", T.plusSeconds(2), "org", "inv-1", "p1", "250", "USD", null));
        // When it is linked to deal B, the link naming B's account
        projection.fact(linked("lnk-b", T.plusSeconds(3), "org", "inv-1", "deal-b", "acc-2"));
        // Then account 1 has a deal with nothing on it, and account 2 all the money
        AccountCurrencyTotals one = usd(latestAccount("acc-1"));
        assertThat(one.getTotalInvoiced()).isEqualByComparingTo("0");
        assertThat(one.getOpenDeals()).isZero();
        assertThat(one.getDeals()).isEqualTo(1);
        AccountCurrencyTotals two = usd(latestAccount("acc-2"));
        assertThat(two.getTotalPaid()).isEqualByComparingTo("250");
        assertThat(two.getOutstanding()).isEqualByComparingTo("750");
    }

    @Test
    void aRefusedLinkStandsOnTheDealUntilTheInvoiceIsLinkedToIt() {
        // Given a refused request to link inv-1 to the deal
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "300", "USD", null));
        projection.fact(linkRejected("rej", T.plusSeconds(1), "org", "inv-1", "deal-1", "req-1", "CUSTOMER_MISMATCH",
                "LINK_REFUSED", "Invoice INV-1 belongs to Books customer Soylent"));
        // Then the deal shows it
        assertThat(latest("deal-1").getLinkRejections()).singleElement().satisfies(r -> {
            assertThat(r.getInvoiceId()).isEqualTo("inv-1");
            assertThat(r.getCode()).isEqualTo("CUSTOMER_MISMATCH");
            assertThat(r.getCategory()).isEqualTo("LINK_REFUSED");
        });
        // And the same refusal delivered again publishes nothing new
        projection.fact(linkRejected("rej", T.plusSeconds(1), "org", "inv-1", "deal-1", "req-1", "CUSTOMER_MISMATCH",
                "LINK_REFUSED", "Invoice INV-1 belongs to Books customer Soylent"));
        assertThat(projection.dealLedgers.isEmpty()).isTrue();
        // When the invoice is linked to the deal after all, Then the refusal is gone
        projection.fact(linked("lnk", T.plusSeconds(2), "org", "inv-1", "deal-1"));
        assertThat(latest("deal-1").getLinkRejections()).isEmpty();
        assertThat(latest("deal-1").getTotalInvoiced()).isEqualByComparingTo("300");
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
    void whileCatchingUpADealIsPublishedOnceAsItEndsNotOncePerFactAndALiveFactAtOnce() {
        // Given a deal's history written to the topic a day ago (by the driver's wall clock), as a rebuild reads it
        Instant dayAgo = Instant.parse("2026-04-30T00:00:00Z");
        for (String invoice : List.of("inv-1", "inv-2")) {
            projection.factWrittenAt(imported("imp-" + invoice, T, "org", invoice, "INV-" + invoice, "1000", "USD", null), dayAgo);
            projection.factWrittenAt(linked("lnk-" + invoice, T, "org", invoice, "deal-1"), dayAgo);
            projection.factWrittenAt(paid("pay-" + invoice, T, "org", invoice, "p-" + invoice, "300", "USD", null), dayAgo);
        }
        // Then nothing is published per fact
        assertThat(projection.dealLedgers.isEmpty()).isTrue();

        // When the catch-up punctuation runs
        projection.driver.advanceWallClockTime(DealProcessor.CATCH_UP_FLUSH);

        // Then the deal is published once, as its six facts leave it
        List<DealLedger> caughtUp = projection.dealLedgers.readValuesToList();
        assertThat(caughtUp).singleElement().satisfies(ledger -> {
            assertThat(ledger.getVersion()).isEqualTo(1L);
            assertThat(ledger.getTotalInvoiced()).isEqualByComparingTo("2000");
            assertThat(ledger.getTotalPaid()).isEqualByComparingTo("600");
        });
        // and the next punctuation publishes nothing more
        projection.driver.advanceWallClockTime(DealProcessor.CATCH_UP_FLUSH);
        assertThat(projection.dealLedgers.isEmpty()).isTrue();

        // When a live payment arrives (written now), Then it is published at once, without a punctuation
        projection.factWrittenAt(paid("pay-live", T, "org", "inv-1", "p-live", "100", "USD", null),
                Instant.parse("2026-05-01T00:00:00Z").plus(DealProcessor.CATCH_UP_FLUSH.multipliedBy(2)));
        assertThat(projection.dealLedgers.readValuesToList()).singleElement().satisfies(ledger -> {
            assertThat(ledger.getVersion()).isEqualTo(2L);
            assertThat(ledger.getTotalPaid()).isEqualByComparingTo("700");
        });
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
    void aDuplicateFactPublishesNoNewAccountVersion() {
        projection.pipe(Topics.CRM_DEALS.name(), "deal-1", dealChanged("dc", T, "org", "deal-1", "1000", "USD", "acc-1"));
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "1000", "USD", null));
        projection.fact(linked("lnk", T, "org", "inv-1", "deal-1", "acc-1"));
        projection.fact(paid("pay", T, "org", "inv-1", "p1", "400", "USD", null));
        List<AccountLedger> before = projection.accountLedgers.readValuesToList();
        projection.fact(paid("pay", T, "org", "inv-1", "p1", "400", "USD", null));
        projection.fact(linked("lnk", T, "org", "inv-1", "deal-1", "acc-1"));
        assertThat(before).extracting(AccountLedger::getVersion).containsExactly(1L, 2L, 3L);
        assertThat(projection.accountLedgers.isEmpty()).isTrue();
    }

    @Test
    void aPaymentBeforeTheAmendmentThatMakesRoomForItIsCountedAndTheLedgerConvergesOnceTheAmendmentArrives() {
        // Given an invoice of 100 with 80 paid
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "100", "USD", null));
        projection.fact(linked("lnk", T, "org", "inv-1", "deal-1"));
        projection.fact(paid("p1", T, "org", "inv-1", "p1", "80", "USD", null));
        // When a payment of 30 arrives before the amendment that raised the invoice to 110 (webhooks out of order)
        projection.fact(paid("p2", T.plusSeconds(1), "org", "inv-1", "p2", "30", "USD", null));
        // Then it is counted, not refused: the deal shows 110 paid and, for now, -10 outstanding
        assertThat(latest("deal-1").getTotalPaid()).isEqualByComparingTo("110");
        assertThat(latest("deal-1").getOutstanding()).isEqualByComparingTo("-10");
        assertThat(projection.deadLetters.isEmpty()).isTrue();
        // And once the amendment arrives the deal is exact: 110 invoiced, 110 paid, nothing outstanding
        projection.fact(amended("amd", T.plusSeconds(2), "org", "inv-1", "2026-06-01T09:00:05+0000", "110", "USD",
                null));
        assertThat(latest("deal-1").getTotalInvoiced()).isEqualByComparingTo("110");
        assertThat(latest("deal-1").getOutstanding()).isEqualByComparingTo("0");
        assertThat(latest("deal-1").getPaymentStatus()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aFactTheLedgerCannotHoldIsDeadLetteredWithItsReasonAndTheNextFactsAreCounted() {
        // Given an invoice of 100 in USD
        projection.fact(imported("imp", T, "org", "inv-1", "INV-1", "100", "USD", null));
        projection.fact(linked("lnk", T, "org", "inv-1", "deal-1"));
        // When a payment in a currency ISO 4217 does not know arrives, and one in another currency than the invoice's
        projection.fact(paid("p1", T, "org", "inv-1", "p1", "10", "XYZ", null));
        projection.fact(paid("p2", T, "org", "inv-1", "p2", "10", "EUR", null));
        // Then both are on the dead-letter topic with why
        List<TestRecord<String, org.apache.avro.specific.SpecificRecord>> dead = projection.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(dead).allSatisfy(record -> {
            Header reason = record.headers().lastHeader("dealledger-dlt-reason");
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value())).isNotBlank();
        });
        assertThat(projection.registry.get("dealledger.ledger.facts").tag("outcome", "rejected").counter().count())
                .isEqualTo(2.0);
        // And the ledger is as it was, and the next payment is counted
        projection.fact(paid("p3", T, "org", "inv-1", "p3", "40", "USD", null));
        assertThat(latest("deal-1").getTotalPaid()).isEqualByComparingTo("40");
        assertThat(latest("deal-1").getOutstanding()).isEqualByComparingTo("60");
    }

    private DealLedger latest(String deal) {
        return projection.drainLatest(latestSeen).get(deal);
    }

    private final Map<String, DealLedger> latestSeen = new HashMap<>();
    private final Map<String, AccountLedger> latestAccounts = new HashMap<>();

    private AccountLedger latestAccount(String account) {
        return projection.drainLatestAccounts(latestAccounts).get(account);
    }

    private static AccountCurrencyTotals usd(AccountLedger account) {
        return account.getCurrencies().stream().filter(c -> c.getCurrency().equals("USD")).findFirst().orElseThrow();
    }

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
