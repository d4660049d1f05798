package io.dealledger.payment.facts;

import static io.dealledger.payment.facts.BooksFixtures.FACTS;
import static io.dealledger.payment.facts.BooksFixtures.applied;
import static io.dealledger.payment.facts.BooksFixtures.creditNote;
import static io.dealledger.payment.facts.BooksFixtures.known;
import static io.dealledger.payment.facts.BooksFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.dealledger.events.CreditRefunded;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.zoho.books.BooksRecords.CreditApplication;
import io.dealledger.zoho.books.BooksRecords.CreditRefund;
import io.dealledger.zoho.books.BooksRecords.Payment;

import org.junit.jupiter.api.Test;

class PaymentAndCreditNoteFactsTest {

    /** Issue 17: the payment read after its unused 200 was applied to the invoice it had already paid 300 of. */
    @Test
    void aPaymentReadWithTwoApplicationsToOneInvoiceCountsTheirSumThereAsTheNextStatement() {
        InvoiceState counted = known(FACTS.paymentApplied("i1", "p1", new BigDecimal("300"), "USD", null, 1));

        List<Fact> facts = PaymentFacts.of(FACTS, payment("p1", applied("i1", "300"), applied("i1", "200")),
                Map.of("i1", counted));

        assertThat(facts).hasSize(1);
        PaymentApplied applied = (PaymentApplied) facts.get(0).event();
        assertThat(applied.getAmount()).isEqualByComparingTo("500");
        assertThat(applied.getSequence()).isEqualTo(2);
    }

    @Test
    void aPaymentSplitAcrossTwoInvoicesIsOnePaymentAppliedPerInvoice() {
        List<Fact> facts = PaymentFacts.of(FACTS, payment("p1", applied("i1", "500"), applied("i2", "200")), Map.of());

        assertThat(facts).extracting(Fact::type).containsExactly("PaymentApplied", "PaymentApplied");
        assertThat(facts).extracting(Fact::key).containsExactly("10234695:i1", "10234695:i2");
        assertThat(facts).extracting(f -> (BigDecimal) f.event().get("amount"))
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("500"), new BigDecimal("200"));
    }

    @Test
    void aListRowWhoseApplicationsAreUnknownIsNeverReadAsAppliedToNothing() {
        // a GET /customerpayments row: Zoho's schema gives it neither invoices[] nor last_modified_time
        Payment row = new Payment("p1", "P-p1", "cust-1", LocalDate.parse("2026-03-02"), "USD", new BigDecimal("500"),
                BigDecimal.ZERO, BigDecimal.ZERO, null, null);
        InvoiceState counted = known(FACTS.paymentApplied("i1", "p1", new BigDecimal("500"), "USD", null, 1));

        // mismatch 5: read as a payment applied to nothing, the row reversed the 500 the ledger counts on i1
        assertThatThrownBy(() -> PaymentFacts.of(FACTS, row, Map.of("i1", counted)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /customerpayments/{id}");
    }

    @Test
    void aDeletedPaymentIsReversedOnlyWhereTheLedgerCountedIt() {
        InvoiceState counted = known(FACTS.paymentApplied("i1", "p1", new BigDecimal("120"), "USD", null, 1));

        List<Fact> facts = PaymentFacts.deleted(FACTS, "p1", Map.of("i1", counted, "i2", InvoiceState.UNKNOWN));

        assertThat(facts).hasSize(1);
        PaymentReversed reversed = (PaymentReversed) facts.get(0).event();
        assertThat(reversed.getInvoiceId()).isEqualTo("i1");
        assertThat(reversed.getReason()).isEqualTo(PaymentReversalReason.DELETED);
        assertThat(reversed.getAmount()).isEqualByComparingTo("120");
    }

    @Test
    void aCreditNoteGivesAnApplicationPerInvoice_reversesOneThatIsGone_andPutsRefundsOnItsFirstInvoice() {
        InvoiceState earlier = known(FACTS.creditApplied("i0", "cn1", "cni-0", new BigDecimal("10"), "USD"));
        List<CreditApplication> applications = List.of(
                new CreditApplication("cni-1", "cn1", "i1", "INV-i1", new BigDecimal("30")),
                new CreditApplication("cni-2", "cn1", "i2", "INV-i2", new BigDecimal("20")));
        List<CreditRefund> refunds = List.of(new CreditRefund("r1", LocalDate.parse("2026-03-04"), new BigDecimal("40")));

        List<Fact> facts = CreditNoteFacts.of(FACTS, creditNote("cn1", null), applications, refunds, Map.of("i0", earlier));

        assertThat(facts).extracting(Fact::type)
                .containsExactly("CreditReversed", "CreditApplied", "CreditApplied", "CreditRefunded");
        assertThat(((CreditRefunded) facts.get(3).event()).getInvoiceId()).isEqualTo("i1");
    }

    @Test
    void aRefundOfACreditNoteRaisedAgainstAnInvoiceGoesToThatInvoice_andOneNeverAppliedGivesNoFact() {
        List<CreditRefund> refunds = List.of(new CreditRefund("r1", null, new BigDecimal("15")));

        assertThat(CreditNoteFacts.of(FACTS, creditNote("cn1", "i9"), List.of(), refunds, Map.of()))
                .extracting(Fact::key).containsExactly("10234695:i9");
        assertThat(CreditNoteFacts.of(FACTS, creditNote("cn1", null), List.of(), refunds, Map.of())).isEmpty();
    }
}
