package io.dealledger.payment.facts;

import static io.dealledger.payment.facts.BooksFixtures.FACTS;
import static io.dealledger.payment.facts.BooksFixtures.ORG;
import static io.dealledger.payment.facts.BooksFixtures.invoice;
import static io.dealledger.payment.facts.BooksFixtures.known;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.dealledger.core.invoice.InvoiceLedger;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.schemas.EventIds;
import io.dealledger.zoho.books.BooksRecords.CreditApplication;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.InvoicePayment;

import org.junit.jupiter.api.Test;

class InvoiceFactsTest {

    private static final String REV = "2026-03-05T10:00:00-0800";

    @Test
    void aFirstSeenInvoiceIsImportedWithItsTermsAndTheIdOfTheInvoice() {
        List<Fact> facts = InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "0", "sent", REV), null, null, Set.of(),
                InvoiceState.UNKNOWN);

        assertThat(facts).extracting(Fact::type).containsExactly("InvoiceImported");
        assertThat(facts.get(0).eventId()).isEqualTo(EventIds.derive("InvoiceImported", ORG, "1"));
        assertThat(facts.get(0).key()).isEqualTo(ORG + ":1");
        assertThat((BigDecimal) facts.get(0).event().get("total")).isEqualByComparingTo("1000").hasScaleOf(3);
    }

    @Test
    void aSecondSightingWithUnchangedTermsAndMoneyGivesNothing() {
        Invoice invoice = invoice("1", "1000", "0", "0", "0", "sent", REV);
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(invoice)));

        assertThat(InvoiceFacts.of(FACTS, invoice, null, null, Set.of(), state)).isEmpty();
    }

    @Test
    void aChangedTotalIsAnAmendmentAtTheBooksRevision_andTheSameRevisionSeenAgainIsTheSameFact() {
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(invoice("1", "1000", "0", "0", "0", "sent", "r0"))));
        Invoice raised = invoice("1", "1200", "0", "0", "0", "sent", REV);

        List<Fact> once = InvoiceFacts.of(FACTS, raised, null, null, Set.of(), state);
        List<Fact> again = InvoiceFacts.of(FACTS, raised, null, null, Set.of(), state);

        assertThat(once).extracting(Fact::type).containsExactly("InvoiceAmended");
        assertThat(((InvoiceAmended) once.get(0).event()).getRevision()).isEqualTo(REV);
        assertThat(again.get(0).eventId()).isEqualTo(once.get(0).eventId());
        assertThat(InvoiceFacts.of(FACTS, raised, null, null, Set.of(), state.apply(once.get(0).event()))).isEmpty();
    }

    @Test
    void paymentsAndCreditsBecomeOneFactEach_andAPaymentThatVanishedIsReversedBeforeNewMoneyArrives() {
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(invoice("1", "1000", "0", "0", "0", "sent", "r0"))),
                FACTS.paymentApplied("1", "pay-old", new BigDecimal("300"), "USD", null, 1));
        Invoice invoice = invoice("1", "1000", "400", "50", "0", "partially_paid", REV);
        List<InvoicePayment> payments = List.of(new InvoicePayment("pay-new", "ip-2", LocalDate.parse("2026-03-04"),
                new BigDecimal("400")));
        List<CreditApplication> credits = List.of(new CreditApplication("cni-1", "cn-1", "1", "INV-1", new BigDecimal("50")));

        List<Fact> facts = InvoiceFacts.of(FACTS, invoice, payments, credits, Set.of("pay-old"), state);

        assertThat(facts).extracting(Fact::type).containsExactly("PaymentReversed", "PaymentApplied", "CreditApplied");
        PaymentReversed reversed = (PaymentReversed) facts.get(0).event();
        assertThat(reversed.getReason()).isEqualTo(PaymentReversalReason.DELETED);
        assertThat(reversed.getAmount()).isEqualByComparingTo("300");
        assertThat(facts.get(1).eventId()).isEqualTo(EventIds.derive("PaymentApplied", ORG, "pay-new", "1", "#1", "400.000"));
        assertThat(facts.get(2).eventId()).isEqualTo(EventIds.derive("CreditApplied", ORG, "cni-1"));
    }

    @Test
    void aWriteOffIsWrittenOff_itsCancellationGivesTheAmountBack_andAVoidComesLast() {
        InvoiceState imported = known(FACTS.imported(InvoiceTerms.of(invoice("1", "1000", "0", "0", "0", "sent", "r0"))));
        List<Fact> writtenOff = InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "1000", "paid", "r1"), null, null,
                Set.of(), imported);
        assertThat(writtenOff).extracting(Fact::type).containsExactly("InvoiceWrittenOff");

        List<Fact> cancelled = InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "0", "sent", "r2"), null, null,
                Set.of(), imported.apply(writtenOff.get(0).event()));
        assertThat(cancelled).extracting(Fact::type).containsExactly("InvoiceWriteOffCancelled");
        assertThat((BigDecimal) cancelled.get(0).event().get("amount")).isEqualByComparingTo("1000");

        assertThat(InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "0", "void", "r3"), null, null, Set.of(), imported))
                .extracting(Fact::type).containsExactly("InvoiceVoided");
    }

    @Test
    void editsWithinOneSecondShareBooksRevision_andEachIsANewAmendment_soTheLedgerEndsAtTheLastTotal() {
        // oracle history 1308 (seed 17): 452.11 raised to 746.24, lowered to 664.16, then to 644.56 within one second;
        // the last amendment was named like the one before it, so it was taken for a fact already told
        Invoice created = invoice("1", "452.11", "0", "0", "0", "sent", "2026-03-05T10:00:00-0800");
        List<Fact> told = new ArrayList<>(List.of(FACTS.imported(InvoiceTerms.of(created))));
        InvoiceState state = known(told.get(0));
        for (String total : List.of("746.24", "664.16", "644.56")) {
            Invoice edited = invoice("1", total, "0", "0", "0", "sent", "2026-03-05T10:00:07-0800");
            FactBuilder seenLater = new FactBuilder(ORG, Instant.parse("2026-03-05T18:00:07Z").plusMillis(told.size()));
            for (Fact fact : InvoiceFacts.of(seenLater, edited, null, null, Set.of(), state)) {
                assertThat(told).extracting(Fact::eventId).doesNotContain(fact.eventId());
                told.add(fact);
                state = state.apply(fact.event());
            }
        }

        assertThat(told).extracting(Fact::type).containsExactly("InvoiceImported", "InvoiceAmended", "InvoiceAmended",
                "InvoiceAmended");
        assertThat(state.total()).isEqualByComparingTo("644.56");
        // read once more, the same Books state against the same ledger gives nothing
        assertThat(InvoiceFacts.of(FACTS, invoice("1", "644.56", "0", "0", "0", "sent", "2026-03-05T10:00:07-0800"),
                null, null, Set.of(), state)).isEmpty();
    }

    @Test
    void theBalanceBooksShouldShowIsSummedExactlyInTheInvoicesCurrency_asHeldAndWithOtherPayments() {
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(invoice("1", "1000.10", "0", "0", "0", "sent", "r0"))),
                FACTS.paymentApplied("1", "pay-1", new BigDecimal("300.05"), "USD", null, 1),
                FACTS.creditApplied("1", "cn-1", "cni-1", new BigDecimal("100.02"), "USD"));

        assertThat(state.balance()).isEqualByComparingTo("600.03");
        // a burst's hints: pay-1 now 250.005, a second payment of 0.1 (what the burst check compares Books' row to)
        assertThat(state.balanceWith(java.util.Map.of("pay-1", new BigDecimal("250.005"), "pay-2", new BigDecimal("0.1"))))
                .isEqualByComparingTo("649.975");
        assertThat(state.balanceWith(java.util.Map.of())).isEqualByComparingTo("900.08");
    }

    @Test
    void aBalanceRaisedAfterAWriteOffAndWrittenOffAgainIsTheWholeNewAmount_forPaymentServiceAndTheLedger() {
        // oracle history 598 (seed 17): Books wrote off 456.21, the total was raised to 673.46, and the new balance
        // of 217.25 was written off too: Books then shows write_off_amount 673.46 and a balance of 0
        Invoice created = invoice("1", "456.21", "0", "0", "0", "sent", "r0");
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(created)));
        List<Fact> told = new ArrayList<>(List.of(FACTS.imported(InvoiceTerms.of(created))));
        for (Invoice seen : List.of(invoice("1", "456.21", "0", "0", "456.21", "paid", "r1"),
                invoice("1", "673.46", "0", "0", "456.21", "partially_paid", "r2"),
                invoice("1", "673.46", "0", "0", "673.46", "paid", "r3"))) {
            for (Fact fact : InvoiceFacts.of(FACTS, seen, null, null, Set.of(), state)) {
                told.add(fact);
                state = state.apply(fact.event());
            }
        }

        assertThat(told).extracting(Fact::type).containsExactly("InvoiceImported", "InvoiceWrittenOff",
                "InvoiceAmended", "InvoiceWrittenOff");
        assertThat(state.writtenOff()).isEqualByComparingTo("673.46");
        assertThat(state.balance()).isEqualByComparingTo("0");
        InvoiceLedger ledger = InvoiceLedger.empty(new InvoiceRef(ORG, "1"));
        for (Fact fact : told) {
            ledger = io.dealledger.core.invoice.LedgerFacts.of(fact.event()).map(ledger::apply).orElse(ledger);
        }
        assertThat(ledger.view().writtenOff().amount()).isEqualByComparingTo("673.46");
        assertThat(ledger.view().balance().amount()).isEqualByComparingTo("0");
        // the write-off cancelled: all of it comes back
        List<Fact> cancelled = InvoiceFacts.of(FACTS, invoice("1", "673.46", "0", "0", "0", "sent", "r4"), null, null,
                Set.of(), state);
        assertThat(cancelled).extracting(Fact::type).containsExactly("InvoiceWriteOffCancelled");
        assertThat(state.apply(cancelled.get(0).event()).balance()).isEqualByComparingTo("673.46");
    }

    @Test
    void aDraftMarkedAsSentIsAnAmendmentWithItsStatus_evenAtTheSameRevision() {
        // Books creates invoices as drafts (POST /invoices without send=true); marking one sent may keep its revision
        InvoiceState draft = known(FACTS.imported(InvoiceTerms.of(invoice("1", "1000", "0", "0", "0", "draft", REV))));
        Invoice sent = invoice("1", "1000", "0", "0", "0", "sent", REV);

        List<Fact> facts = InvoiceFacts.of(FACTS, sent, null, null, Set.of(), draft);

        assertThat(facts).extracting(Fact::type).containsExactly("InvoiceAmended");
        assertThat(((InvoiceAmended) facts.get(0).event()).getStatus()).isEqualTo("sent");
        InvoiceState after = draft.apply(facts.get(0).event());
        assertThat(after.standing()).isEqualTo("open");
        assertThat(InvoiceFacts.of(FACTS, sent, null, null, Set.of(), after)).isEmpty();
        // a later status that still counts (partially paid, overdue) gives nothing new
        assertThat(InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "0", "overdue", REV), null, null, Set.of(),
                after)).isEmpty();
    }

    @Test
    void aVoidConvertedBackToDraftAndSentIsFollowed() {
        // Books' revisions are its last_modified_time: the status that stands is the one of the newest
        InvoiceState open = known(FACTS.imported(InvoiceTerms.of(invoice("1", "1000", "0", "0", "0", "sent", "2026-03-05T10:00:00-0800"))));
        List<Fact> voided = InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "0", "void", "2026-03-05T10:01:00-0800"), null, null,
                Set.of(), open);
        assertThat(voided).extracting(Fact::type).containsExactly("InvoiceVoided");
        InvoiceState afterVoid = open.apply(voided.get(0).event());

        List<Fact> draft = InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "0", "draft", "2026-03-05T10:02:00-0800"), null, null,
                Set.of(), afterVoid);
        assertThat(draft).extracting(Fact::type).containsExactly("InvoiceAmended");
        InvoiceState afterDraft = afterVoid.apply(draft.get(0).event());
        assertThat(afterDraft.standing()).isEqualTo("draft");

        List<Fact> sent = InvoiceFacts.of(FACTS, invoice("1", "1000", "0", "0", "0", "sent", "2026-03-05T10:03:00-0800"), null, null,
                Set.of(), afterDraft);
        assertThat(sent).extracting(Fact::type).containsExactly("InvoiceAmended");
        assertThat(afterDraft.apply(sent.get(0).event()).standing()).isEqualTo("open");
    }

    /**
     * Issue 17: a payment of 500 had 300 applied to the invoice, then its unused 200 applied to the same invoice.
     * The fact was named by payment and invoice only, so the second application was never told.
     */
    @Test
    void aPaymentAppliedTwiceToTheSameInvoiceIsTheNextStatementOfItsSum_andReadingItAgainAddsNothing() {
        Invoice first = invoice("1", "1000", "300", "0", "0", "partially_paid", "2026-03-05T10:00:00-0800");
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(first)));
        List<Fact> once = InvoiceFacts.of(FACTS, first, List.of(row("pay-1", "ip-1", "300")), null, Set.of(), state);
        state = known(FACTS.imported(InvoiceTerms.of(first)), once.get(0));
        Invoice twice = invoice("1", "1000", "500", "0", "0", "partially_paid", "2026-03-05T10:05:00-0800");
        List<InvoicePayment> rows = List.of(row("pay-1", "ip-1", "300"), row("pay-1", "ip-2", "200"));

        List<Fact> facts = InvoiceFacts.of(FACTS, twice, rows, null, Set.of(), state);

        assertThat(facts).extracting(Fact::type).containsExactly("PaymentApplied");
        PaymentApplied applied = (PaymentApplied) facts.get(0).event();
        assertThat(applied.getAmount()).isEqualByComparingTo("500");
        assertThat(applied.getSequence()).isEqualTo(2);
        InvoiceState after = state.apply(applied);
        assertThat(after.paid()).isEqualByComparingTo("500");
        assertThat(InvoiceFacts.of(FACTS, twice, rows, null, Set.of(), after)).extracting(Fact::eventId)
                .containsExactly(facts.get(0).eventId());
    }

    @Test
    void anEditedAmountAndAReapplicationAfterAnUnapplyAreEachTheNextStatement() {
        Invoice invoice = invoice("1", "1000", "250", "0", "0", "partially_paid", REV);
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(invoice)),
                FACTS.paymentApplied("1", "pay-1", new BigDecimal("300"), "USD", null, 1));

        PaymentApplied edited = (PaymentApplied) InvoiceFacts.of(FACTS, invoice, List.of(row("pay-1", "ip-1", "250")),
                null, Set.of(), state).get(0).event();
        assertThat(edited.getAmount()).isEqualByComparingTo("250");
        assertThat(edited.getSequence()).isEqualTo(2);

        InvoiceState unapplied = state.apply(edited);
        PaymentReversed gone = (PaymentReversed) InvoiceFacts.of(FACTS, invoice, List.of(), null, Set.of(), unapplied)
                .get(0).event();
        assertThat(gone.getSequence()).isEqualTo(3);
        InvoiceState reversed = unapplied.apply(gone);
        assertThat(reversed.paid()).isEqualByComparingTo("0");
        PaymentApplied again = (PaymentApplied) InvoiceFacts.of(FACTS, invoice, List.of(row("pay-1", "ip-3", "250")),
                null, Set.of(), reversed).get(0).event();
        assertThat(again.getSequence()).isEqualTo(4);
        assertThat(reversed.apply(again).paid()).isEqualByComparingTo("250");
        assertThat(reversed.apply(again).apply(edited).paid()).as("an older statement redelivered stands no more")
                .isEqualByComparingTo("250");
    }

    /** A ledger written before sequences: the same amount seen again is the very fact already told. */
    @Test
    void aPaymentToldBeforeSequencesExistedAndUnchangedInBooksAddsNothing() {
        Invoice invoice = invoice("1", "1000", "300", "0", "0", "partially_paid", REV);
        Fact legacy = FACTS.paymentApplied("1", "pay-1", new BigDecimal("300"), "USD", null, 0);
        InvoiceState state = known(FACTS.imported(InvoiceTerms.of(invoice)), legacy);

        assertThat(InvoiceFacts.of(FACTS, invoice, List.of(row("pay-1", "ip-1", "300")), null, Set.of(), state))
                .extracting(Fact::eventId).containsExactly(EventIds.derive("PaymentApplied", ORG, "pay-1", "1"));
    }

    private static InvoicePayment row(String paymentId, String invoicePaymentId, String amount) {
        return new InvoicePayment(paymentId, invoicePaymentId, LocalDate.parse("2026-03-04"), new BigDecimal(amount));
    }
}
