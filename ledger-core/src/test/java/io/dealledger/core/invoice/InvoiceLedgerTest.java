package io.dealledger.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import io.dealledger.core.invoice.LedgerFact.Amended;
import io.dealledger.core.invoice.LedgerFact.CreditApplied;
import io.dealledger.core.invoice.LedgerFact.CreditRefunded;
import io.dealledger.core.invoice.LedgerFact.Imported;
import io.dealledger.core.invoice.LedgerFact.LinkRejected;
import io.dealledger.core.invoice.LedgerFact.Linked;
import io.dealledger.core.invoice.LedgerFact.PaymentApplied;
import io.dealledger.core.invoice.LedgerFact.PaymentReversed;
import io.dealledger.core.invoice.LedgerFact.Unlinked;
import io.dealledger.core.invoice.LedgerFact.Voided;
import io.dealledger.core.invoice.LedgerFact.WriteOffCancelled;
import io.dealledger.core.invoice.LedgerFact.WrittenOff;
import io.dealledger.core.money.Money;

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
    void aPaymentSeenBeforeTheInvoicesRaisedTotalIsKeptAndTheLedgerConvergesWhenTheTotalArrives() {
        // Given an invoice of 1072.50 (issue 17: raised to 1272.50, then paid in full; the payment's webhook first)
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1072.50"));
        // When the payment of 1272.50 arrives before the invoice's new total
        ledger = ledger.apply(payment("p1", "1272.50"));
        // Then it is not refused: the balance is negative for a while
        assertThat(ledger.view().paid()).isEqualTo(usd("1272.50"));
        assertThat(ledger.view().balance()).isEqualTo(usd("-200.00"));
        // And when the amendment arrives the invoice is paid exactly
        ledger = ledger.apply(new Amended("am", t(20), INVOICE, "2026-06-01T10:00:00+0000", usd("1272.50"), null, null));
        assertThat(ledger.view().balance()).isEqualTo(usd("0"));
    }

    @Test
    void aSecondApplicationOfAPaymentAndEveryEditCountAsTheHighestSequenceSays() {
        // Given a payment of 500 with 300 applied to the invoice
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1000"))
                .apply(applied("a1", "p1", "300", 1));
        assertThat(ledger.nextPaymentSequence("p1")).isEqualTo(2);
        // When its unused 200 is applied to the same invoice too
        ledger = ledger.apply(applied("a2", "p1", "500", 2));
        // Then it counts 500 (issue 17: stayed at 300 while the fact id was payment + invoice only)
        assertThat(ledger.view().paid()).isEqualTo(usd("500"));
        // And edited down, then back up: the last word counts, whatever order the facts arrive in
        InvoiceLedger edited = ledger.apply(applied("a3", "p1", "250", 3)).apply(applied("a4", "p1", "500", 4));
        InvoiceLedger shuffled = InvoiceLedger.empty(INVOICE).apply(applied("a4", "p1", "500", 4))
                .apply(applied("a3", "p1", "250", 3)).apply(imported("1000")).apply(applied("a1", "p1", "300", 1))
                .apply(applied("a2", "p1", "500", 2));
        assertThat(edited.view().paid()).isEqualTo(usd("500"));
        assertThat(shuffled.view()).isEqualTo(edited.view());
        // And taken off, then applied again
        InvoiceLedger again = edited.apply(new PaymentReversed("r5", t(30), INVOICE, "p1", usd("500"), false, 5))
                .apply(applied("a6", "p1", "120", 6));
        assertThat(again.view().paid()).isEqualTo(usd("120"));
        assertThat(again.payment("p1")).contains(usd("120"));
    }

    @Test
    void factsWrittenBeforeSequencesKeepTheirMeaning_aReversedPaymentDoesNotComeBack() {
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("1000"))
                .apply(new PaymentReversed("r", t(5), INVOICE, "p1", usd("300"), false)).apply(payment("p1", "300"));
        assertThat(ledger.view().paid()).isEqualTo(usd("0"));
        assertThat(ledger.paymentTakenOff("p1")).isTrue();
        assertThat(ledger.nextPaymentSequence("p1")).isEqualTo(1);
    }

    @Test
    void aWriteOffCancelledAndWrittenOffAgainIsWrittenOff() {
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("100"))
                .apply(new WrittenOff("w1", t(1), INVOICE, usd("100"), 1))
                .apply(new WriteOffCancelled("c2", t(2), INVOICE, usd("100"), 2))
                .apply(new WrittenOff("w3", t(3), INVOICE, usd("100"), 3));
        assertThat(ledger.view().writtenOff()).isEqualTo(usd("100"));
        assertThat(ledger.view().balance()).isEqualTo(usd("0"));
        assertThat(ledger.nextWriteOffSequence()).isEqualTo(4);
    }

    @Test
    void writeOffsWrittenBeforeSequencesStandInTheOrderTheyHappened() {
        // facts from before sequences all carry sequence 0: the latest statement stands, whichever kind it is
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(imported("100"))
                .apply(new WrittenOff("w1", t(1), INVOICE, usd("100")))
                .apply(new WriteOffCancelled("c2", t(2), INVOICE, usd("100")))
                .apply(new WrittenOff("w3", t(3), INVOICE, usd("60")));
        assertThat(ledger.view().writtenOff()).isEqualTo(usd("60"));
        assertThat(ledger.view().balance()).isEqualTo(usd("40"));
    }

    @Test
    void aDraftCountsNothingUntilItIsSent_andAVoidConvertedBackToDraftThenSentCountsAgain() {
        InvoiceLedger draft = InvoiceLedger.empty(INVOICE).apply(new Imported("imp", t(0), INVOICE, "INV-1", "cust",
                usd("1000"), null, LocalDate.of(2026, 6, 30), "draft", null, null, "2026-06-01T08:00:00+0000"));
        assertThat(draft.view().counted()).as("Books keeps drafts out of receivables").isFalse();
        assertThat(draft.view().balance()).isEqualTo(usd("0"));

        InvoiceLedger sent = draft.apply(amended("a1", "2026-06-01T09:00:00+0000", "sent"));
        assertThat(sent.view().counted()).isTrue();
        assertThat(sent.view().balance()).isEqualTo(usd("1000"));

        InvoiceLedger voided = sent.apply(new Voided("v", t(3), INVOICE, "2026-06-01T10:00:00+0000"));
        assertThat(voided.view().voided()).isTrue();
        InvoiceLedger redrafted = voided.apply(amended("a2", "2026-06-01T11:00:00+0000", "draft"));
        assertThat(redrafted.view().voided()).isFalse();
        assertThat(redrafted.view().counted()).isFalse();
        InvoiceLedger resent = redrafted.apply(amended("a3", "2026-06-01T12:00:00+0000", "sent"));
        assertThat(resent.view().counted()).isTrue();
        assertThat(resent.view().status()).isEqualTo("sent");
    }

    /**
     * Issue 15's run: imported as a draft (an import carries no revision, so it is timed by when it was seen, with
     * milliseconds), marked sent within the same second (a revision of whole seconds), then paid.
     */
    @Test
    void aDraftImportedAndMarkedSentWithinTheSameSecondIsSent() {
        Instant seen = Instant.parse("2026-12-02T15:21:41.642Z");
        InvoiceLedger ledger = InvoiceLedger.empty(INVOICE).apply(new Imported("imp", seen, INVOICE, "INV-1", "cust",
                        usd("310"), null, LocalDate.of(2026, 12, 31), "draft", null, null))
                .apply(new Amended("sent", seen.plusMillis(65), INVOICE, "2026-12-02T15:21:41+0000", usd("310"), null,
                        null, "sent"))
                .apply(new PaymentApplied("p1", seen.plusSeconds(1), INVOICE, "pay-1", usd("100"), null, 1));

        assertThat(ledger.view().status()).isEqualTo("sent");
        assertThat(ledger.view().counted()).isTrue();
        assertThat(ledger.view().balance()).isEqualTo(usd("210"));
    }

    private static Amended amended(String id, String revision, String status) {
        return new Amended(id, t(5), INVOICE, revision, usd("1000"), null, null, status);
    }

    private static PaymentApplied applied(String id, String paymentId, String amount, long sequence) {
        return new PaymentApplied(id, t(10 + (int) sequence), INVOICE, paymentId, usd(amount), LocalDate.of(2026, 6, 2),
                sequence);
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
