package io.dealledger.ledger.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import io.dealledger.ledger.invoice.LedgerFact.Amended;
import io.dealledger.ledger.invoice.LedgerFact.CreditApplied;
import io.dealledger.ledger.invoice.LedgerFact.CreditRefunded;
import io.dealledger.ledger.invoice.LedgerFact.Imported;
import io.dealledger.ledger.invoice.LedgerFact.LinkRejected;
import io.dealledger.ledger.invoice.LedgerFact.Linked;
import io.dealledger.ledger.invoice.LedgerFact.PaymentApplied;
import io.dealledger.ledger.invoice.LedgerFact.PaymentReversed;
import io.dealledger.ledger.invoice.LedgerFact.Unlinked;
import io.dealledger.ledger.invoice.LedgerFact.Voided;
import io.dealledger.ledger.invoice.LedgerFact.WriteOffCancelled;
import io.dealledger.ledger.invoice.LedgerFact.WrittenOff;
import io.dealledger.ledger.money.Money;

import org.junit.jupiter.api.Test;

class InvoiceLedgerTest {

    private static final InvoiceRef INVOICE = new InvoiceRef("org-1", "inv-1");
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private static Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Imported imported(String total) {
        return new Imported("imp", t(0), INVOICE, "INV-1", "cust", usd(total), null, LocalDate.of(2026, 6, 30),
                "sent", "https://books/inv-1", null);
    }

    private static PaymentApplied payment(String id, String amount) {
        return new PaymentApplied("pay-" + id, t(10), INVOICE, id, usd(amount), LocalDate.of(2026, 6, 2));
    }

    @Test
    void theBalanceIsTotalLessPaidCreditedAndWrittenOff() {
        // Given an invoice of 1000
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1000"));
        // When it is part paid, part credited and a rest written off
        ledger = ledger.apply(payment("p1", "300"))
                .apply(new CreditApplied("cr", t(11), INVOICE, "app-1", usd("200")))
                .apply(new WrittenOff("wo", t(12), INVOICE, usd("500")));
        // Then nothing is owed
        assertThat(ledger.view().balance()).isEqualTo(usd("0"));
        assertThat(ledger.view().paid()).isEqualTo(usd("300"));
    }

    @Test
    void aFactAppliedTwiceCountsOnce() {
        // Given an invoice with a payment
        InvoiceLedger once = InvoiceLedger.empty(INVOICE).apply(imported("1000")).apply(payment("p1", "300"));
        // When the same payment fact is redelivered
        InvoiceLedger twice = once.apply(payment("p1", "300"));
        // Then it is a no-op
        assertThat(twice).isSameAs(once);
        assertThat(twice.view().paid()).isEqualTo(usd("300"));
    }

    @Test
    void moneyThatArrivesBeforeTheInvoiceIsKeptAndCountsOnceImported() {
        // Given a payment for an invoice not seen yet
        InvoiceLedger early = InvoiceLedger.empty(INVOICE).apply(payment("p1", "300"));
        assertThat(early.view().counted()).isFalse();
        // When the invoice arrives
        InvoiceLedger imported = early.apply(imported("1000"));
        // Then the payment is on it
        assertThat(imported.view().counted()).isTrue();
        assertThat(imported.view().balance()).isEqualTo(usd("700"));
    }

    @Test
    void aReversedPaymentLeavesTheInvoiceAndARefundCountsAsRefunded() {
        // Given a paid invoice
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1000")).apply(payment("p1", "1000"));
        // When the payment is refunded, and credit-note money is refunded too
        ledger = ledger.apply(new PaymentReversed("rev", t(20), INVOICE, "p1", usd("1000"), true))
                .apply(new CreditRefunded("crf", t(21), INVOICE, "rf-1", usd("50")));
        // Then the invoice owes its total again, and 1050 went back to the customer
        assertThat(ledger.view().balance()).isEqualTo(usd("1000"));
        assertThat(ledger.view().refunded()).isEqualTo(usd("1050"));
    }

    @Test
    void aCancelledWriteOffOwesAgain() {
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("400"))
                .apply(new WrittenOff("wo", t(5), INVOICE, usd("400")))
                .apply(new WriteOffCancelled("woc", t(6), INVOICE, usd("400")));
        assertThat(ledger.view().balance()).isEqualTo(usd("400"));
    }

    @Test
    void onlyTheNewestRevisionOfAnAmendmentCounts() {
        // Given two amendments delivered newest first
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1000"))
                .apply(new Amended("a2", t(30), INVOICE, "2026-06-02T10:00:00+0000", usd("1500"), null, null))
                .apply(new Amended("a1", t(20), INVOICE, "2026-06-01T10:00:00+0000", usd("1200"), null, null));
        // Then the newer revision's total stands
        assertThat(ledger.view().total()).isEqualTo(usd("1500"));
    }

    @Test
    void theLatestLinkWinsAndAnUnlinkOnlyUndoesItsOwnDeal() {
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE)
                .apply(new Linked("l2", t(2), INVOICE, "deal-b"))
                .apply(new Linked("l1", t(1), INVOICE, "deal-a"))
                .apply(new Unlinked("u1", t(3), INVOICE, "deal-a"));
        assertThat(ledger.view().dealId()).isEqualTo("deal-b");
        assertThat(ledger.apply(new Unlinked("u2", t(4), INVOICE, "deal-b")).view().dealId()).isNull();
    }

    @Test
    void aVoidedInvoiceCountsNothing() {
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1000"))
                .apply(new Voided("v", t(3), INVOICE));
        assertThat(ledger.view().counted()).isFalse();
        assertThat(ledger.view().balance()).isEqualTo(usd("0"));
    }

    @Test
    void overPaymentIsRefusedAndTheLedgerStaysAsItWas() {
        // Given an invoice of 100 paid 80
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("100")).apply(payment("p1", "80"));
        // When a payment of 30 arrives, Then it breaks the balance invariant
        assertThatThrownBy(() -> ledger.apply(payment("p2", "30"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would make the balance -10.000 USD");
        assertThat(ledger.view().balance()).isEqualTo(usd("20"));
    }

    @Test
    void aFactInAnotherCurrencyIsRefused() {
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("100"));
        assertThatThrownBy(() -> ledger.apply(new PaymentApplied("eur", t(5), INVOICE, "p9", Money.of("10", "EUR"),
                null))).isInstanceOf(IllegalStateException.class).hasMessageContaining("mixes currencies");
    }

    @Test
    void theLedgerAsOfAnInstantKeepsOnlyWhatHadHappened() {
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1000")).apply(payment("p1", "300"));
        assertThat(ledger.asOf(t(5)).view().balance()).isEqualTo(usd("1000"));
    }

    @Test
    void aRefusedLinkStandsPerDealUntilALaterLinkToThatDealWhateverTheArrivalOrder() {
        // Given two refusals for deal A and one for deal B, and a link to A between A's refusals, arriving shuffled
        LinkRejected firstA = refusal("r1", t(1), "deal-a");
        LinkRejected laterA = refusal("r3", t(3), "deal-a");
        LinkRejected onlyB = refusal("r4", t(4), "deal-b");
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(laterA).apply(new Linked("l2", t(2), INVOICE, "deal-a"))
                .apply(onlyB).apply(firstA);
        // Then A shows its latest refusal (the link came before it) and B its own
        assertThat(ledger.linkRejections()).containsEntry("deal-a", laterA).containsEntry("deal-b", onlyB).hasSize(2);
        // When the invoice is linked to A afterwards, Then A's refusal is cleared and B's stands
        assertThat(ledger.apply(new Linked("l5", t(5), INVOICE, "deal-a")).linkRejections())
                .containsOnlyKeys("deal-b");
        // And a refusal moves no money
        assertThat(ledger.view().imported()).isFalse();
    }

    @Test
    void theInvoiceDateIsTheImportsElseTheOneItWasIssuedWith() {
        LocalDate issuedOn = LocalDate.of(2026, 5, 20);
        InvoiceLedger issued = InvoiceLedger.empty(INVOICE)
                .apply(new Linked("iss", t(0), INVOICE, "deal-a", "acc-1", issuedOn)).apply(imported("100"));
        assertThat(issued.view().invoiceDate()).isEqualTo(issuedOn);
        InvoiceLedger dated = issued.apply(new Imported("imp-2", t(1), INVOICE, "INV-1", "cust", usd("100"),
                LocalDate.of(2026, 5, 21), null, "sent", null, null));
        assertThat(dated.view().invoiceDate()).isEqualTo(LocalDate.of(2026, 5, 21));
    }

    private static LinkRejected refusal(String id, Instant at, String deal) {
        return new LinkRejected(id, at, INVOICE, deal, "req-" + id, "CUSTOMER_MISMATCH", "LINK_REFUSED",
                "Invoice INV-1 belongs to another customer");
    }
}
