package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dealledger.events.PaymentReversalReason;
import io.dealledger.zoho.books.BooksRecords.AppliedPayment;
import io.dealledger.zoho.books.BooksRecords.Payment;

/** What a Books customer payment implies: one PaymentApplied per invoice it is applied to. */
public final class PaymentFacts {

    private PaymentFacts() {
    }

    /**
     * @param payment a payment read with its applications ({@link Payment#applicationsKnown()}); a list row is refused
     * @param known   the ledger's view of every invoice this payment was applied to before (by invoice id): an
     *                application that is gone from the payment is reversed as unapplied
     */
    public static List<Fact> of(LedgerFacts facts, Payment payment, Map<String, InvoiceState> known) {
        if (!payment.applicationsKnown()) {
            // a list row is a summary: read as "applied to nothing", it would reverse every application
            throw new IllegalArgumentException("payment " + payment.paymentId() + " was read without its applications"
                    + " (a GET /customerpayments list row): read it with GET /customerpayments/{id} first");
        }
        List<Fact> result = new ArrayList<>();
        Set<String> appliedTo = payment.invoices().stream().map(AppliedPayment::invoiceId).collect(Collectors.toSet());
        known.forEach((invoiceId, state) -> {
            BigDecimal amount = state.payments().get(payment.paymentId());
            if (amount != null && !appliedTo.contains(invoiceId)) {
                result.add(facts.paymentReversed(invoiceId, payment.paymentId(), amount, payment.currencyCode(),
                        PaymentReversalReason.UNAPPLIED));
            }
        });
        for (AppliedPayment applied : payment.invoices()) {
            if (applied.amountApplied().signum() > 0) {
                result.add(facts.paymentApplied(applied.invoiceId(), payment.paymentId(), applied.amountApplied(),
                        payment.currencyCode(), payment.date()));
            }
        }
        return result;
    }

    /**
     * A payment Books no longer has: its money leaves every invoice the ledger counted it on. An invoice the
     * notification names but the ledger never counted the payment on needs nothing.
     */
    public static List<Fact> deleted(LedgerFacts facts, String paymentId, Map<String, InvoiceState> known) {
        List<Fact> result = new ArrayList<>();
        known.forEach((invoiceId, state) -> {
            BigDecimal amount = state.payments().get(paymentId);
            if (amount != null) {
                result.add(facts.paymentReversed(invoiceId, paymentId, amount, state.currency(),
                        PaymentReversalReason.DELETED));
            }
        });
        return result;
    }
}
