package io.dealledger.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.dealledger.core.invoice.LedgerFact.Amended;
import io.dealledger.core.invoice.LedgerFact.CreditApplied;
import io.dealledger.core.invoice.LedgerFact.Imported;
import io.dealledger.core.invoice.LedgerFact.PaymentApplied;
import io.dealledger.core.money.Money;

import org.junit.jupiter.api.Test;

class BooksTimesTest {

    private static final InvoiceRef INVOICE = new InvoiceRef("org-1", "inv-1");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant JULY_2 = Instant.parse("2026-07-02T09:00:00Z");

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Imported imported(LocalDate invoiceDate, Instant seen) {
        return new Imported("imp", seen, INVOICE, "INV-1", "cust", usd("1000"), invoiceDate, null, "sent", null, null);
    }

    @Test
    void aPaymentEnteredLateCountsFromTheEndOfItsBooksDateInTheOrganizationsZone() {
        // Given a payment dated 28 June in Books, read by payment-service on 2 July
        PaymentApplied payment = new PaymentApplied("pay", JULY_2, INVOICE, "p1", usd("300"),
                LocalDate.of(2026, 6, 28), 1);
        // Then it counts from the last instant of 28 June in Berlin
        assertThat(BooksTimes.effective(payment, BERLIN)).isEqualTo(Instant.parse("2026-06-28T21:59:59.999999999Z"));
        // and the ledger as of 30 June (Berlin) holds it, the one as of 27 June does not
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported(LocalDate.of(2026, 6, 1), JULY_2))
                .apply(payment);
        assertThat(ledger.standingAt(BooksTimes.endOf(LocalDate.of(2026, 6, 30), BERLIN), BERLIN).view().paid())
                .isEqualTo(usd("300"));
        assertThat(ledger.standingAt(BooksTimes.endOf(LocalDate.of(2026, 6, 27), BERLIN), BERLIN).view().paid())
                .isEqualTo(usd("0"));
    }

    @Test
    void anEditOfAPaymentCountsFromWhenItWasSeenNotFromThePaymentsDate() {
        PaymentApplied edit = new PaymentApplied("pay#2", JULY_2, INVOICE, "p1", usd("250"),
                LocalDate.of(2026, 6, 28), 2);
        assertThat(BooksTimes.effective(edit, ZoneOffset.UTC)).isEqualTo(JULY_2);
    }

    @Test
    void aBooksTimeLaterThanTheObservationCountsFromTheObservation() {
        // Given a payment dated in the future (Books allows it) and an invoice dated next week, both seen on 2 July
        PaymentApplied future = new PaymentApplied("pay", JULY_2, INVOICE, "p1", usd("300"), LocalDate.of(2026, 7, 9),
                1);
        // Then they count from when they were seen: the ledger never waits for a date to reach what it already holds
        assertThat(BooksTimes.effective(future, ZoneOffset.UTC)).isEqualTo(JULY_2);
        assertThat(BooksTimes.effective(imported(LocalDate.of(2026, 7, 9), JULY_2), ZoneOffset.UTC)).isEqualTo(JULY_2);
    }

    @Test
    void anAmendmentCountsFromItsBooksRevisionAndAFactWithoutABooksTimeFromWhenItWasSeen() {
        Amended amended = new Amended("am", JULY_2, INVOICE, "2026-06-30T17:38:06-0700", usd("1200"), null, null);
        assertThat(BooksTimes.effective(amended, ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-07-01T00:38:06Z"));
        CreditApplied credit = new CreditApplied("cr", JULY_2, INVOICE, "app-1", usd("100"));
        assertThat(BooksTimes.effective(credit, ZoneOffset.UTC)).isEqualTo(JULY_2);
    }
}
