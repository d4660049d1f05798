package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dealledger.core.money.Money;
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
    public static List<Fact> of(FactBuilder facts, Payment payment, Map<String, InvoiceState> known) {
        if (!payment.applicationsKnown()) {
            // a list row is a summary: read as "applied to nothing", it would reverse every application
            throw new IllegalArgumentException("payment " + payment.paymentId() + " was read without its applications"
                    + " (a GET /customerpayments list row): read it with GET /customerpayments/{id} first");
        }
        List<Fact> result = new ArrayList<>();
        // a payment applied to one invoice twice (its unused amount applied later) counts there with both
        Map<String, BigDecimal> appliedTo = new java.util.LinkedHashMap<>();
        for (AppliedPayment applied : payment.invoices()) {
            appliedTo.merge(applied.invoiceId(), applied.amountApplied(), (a, b) ->
                    Money.of(a, payment.currencyCode()).plus(Money.of(b, payment.currencyCode())).amount());
        }
        known.forEach((invoiceId, state) -> {
            if (state.payments().containsKey(payment.paymentId()) && !appliedTo.containsKey(invoiceId)) {
                result.add(facts.paymentGone(invoiceId, payment.paymentId(), payment.currencyCode(),
                        PaymentReversalReason.UNAPPLIED, state));
            }
        });
        appliedTo.forEach((invoiceId, amount) -> {
            if (amount.signum() > 0) {
                result.add(facts.paymentNow(invoiceId, payment.paymentId(), amount, payment.currencyCode(),
                        payment.date(), known.getOrDefault(invoiceId, InvoiceState.UNKNOWN)));
            }
        });
        return result;
    }

    /**
     * A payment Books no longer has: its money leaves every invoice the ledger counted it on. An invoice the
     * notification names but the ledger never counted the payment on needs nothing.
     */
    public static List<Fact> deleted(FactBuilder facts, String paymentId, Map<String, InvoiceState> known) {
        List<Fact> result = new ArrayList<>();
        known.forEach((invoiceId, state) -> {
            if (state.payments().containsKey(paymentId)) {
                result.add(facts.paymentGone(invoiceId, paymentId, state.currency(), PaymentReversalReason.DELETED,
                        state));
            }
        });
        return result;
    }
}
