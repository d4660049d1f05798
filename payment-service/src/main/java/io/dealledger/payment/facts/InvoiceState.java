package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.InvoiceUnlinked;
import io.dealledger.events.InvoiceVoided;
import io.dealledger.events.InvoiceWriteOffCancelled;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversed;

/**
 * What payment-service has already said about one invoice: the fold of its own facts on ledger.facts.v1.
 * It decides which facts a fresh Books reading adds (an amendment, a reversal of money that disappeared).
 * Immutable: {@link #apply} returns the next state.
 */
public record InvoiceState(boolean imported, String invoiceNumber, String currency, BigDecimal total,
                           LocalDate dueDate, String revision, Map<String, BigDecimal> payments,
                           Set<String> reversedPayments, Map<String, Credit> credits, Set<String> reversedCredits,
                           BigDecimal writtenOff, boolean voided, String status, String dealId, Instant linkedAt,
                           Map<String, Long> paymentSequences) {

    /** A live application of credit: which credit note, how much. */
    public record Credit(String creditNoteId, BigDecimal amount) {
    }

    public static final InvoiceState UNKNOWN = new InvoiceState(false, null, null, null, null, null, Map.of(),
            Set.of(), Map.of(), Set.of(), BigDecimal.ZERO, false, null, null, null, Map.of());

    /**
     * How Books' status stands for the ledger: {@code draft} and {@code void} count nothing, every other status
     * (sent, viewed, overdue, partially paid, paid) is {@code open}. Facts from before statuses were carried say
     * nothing: such an invoice is open unless voided.
     */
    public String standing() {
        return voided ? "void" : standingOf(status == null ? "sent" : status);
    }

    /** The standing of a Books status: draft, void or open. */
    public static String standingOf(String booksStatus) {
        if ("draft".equalsIgnoreCase(booksStatus)) {
            return "draft";
        }
        return "void".equalsIgnoreCase(booksStatus) ? "void" : "open";
    }

    /** Sum of the payments applied and not reversed. */
    public BigDecimal paid() {
        return payments.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sum of the credits applied and not reversed. */
    public BigDecimal credited() {
        return credits.values().stream().map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What is still due, as far as the ledger has been told: total − paid − credited − written off. */
    public BigDecimal balance() {
        return voided || total == null ? BigDecimal.ZERO : total.subtract(paid()).subtract(credited()).subtract(writtenOff);
    }

    public InvoiceState apply(Object fact) {
        if (fact instanceof InvoiceImported f) {
            return imported ? this : new InvoiceState(true, f.getInvoiceNumber(), f.getCurrency(),
                    total == null || revision == null ? f.getTotal() : total,
                    revision == null ? f.getDueDate() : dueDate, revision, payments, reversedPayments, credits,
                    reversedCredits, writtenOff, voided || "void".equalsIgnoreCase(f.getStatus()),
                    status != null ? status : f.getStatus(), dealId, linkedAt, paymentSequences);
        }
        if (fact instanceof InvoiceAmended f) {
            int order = revision == null ? 1 : Revision.ORDER.compare(f.getRevision(), revision);
            // Books may change only the status (marked as sent, converted to draft) without a new revision
            if (order < 0 || order == 0 && (f.getStatus() == null || f.getStatus().equalsIgnoreCase(status))) {
                return this;
            }
            boolean stillVoided = f.getStatus() == null ? voided : "void".equalsIgnoreCase(f.getStatus());
            return new InvoiceState(imported, invoiceNumber, f.getCurrency(), f.getTotal(),
                    f.getDueDate() == null ? dueDate : f.getDueDate(), f.getRevision(), payments, reversedPayments,
                    credits, reversedCredits, writtenOff, stillVoided, f.getStatus() == null ? status : f.getStatus(),
                    dealId, linkedAt, paymentSequences);
        }
        if (fact instanceof PaymentApplied f) {
            long known = paymentSequences.getOrDefault(f.getPaymentId(), -1L);
            // the highest sequence stands; at the same sequence a reversal does (facts from before sequences: 0)
            if (f.getSequence() < known || f.getSequence() == known && reversedPayments.contains(f.getPaymentId())) {
                return this;
            }
            Map<String, BigDecimal> next = new HashMap<>(payments);
            next.put(f.getPaymentId(), f.getAmount());
            Set<String> reversed = new HashSet<>(reversedPayments);
            reversed.remove(f.getPaymentId());
            return withPayments(next, reversed, f.getPaymentId(), f.getSequence()).withCurrency(f.getCurrency());
        }
        if (fact instanceof PaymentReversed f) {
            if (f.getSequence() < paymentSequences.getOrDefault(f.getPaymentId(), -1L)) {
                return this;
            }
            Map<String, BigDecimal> next = new HashMap<>(payments);
            next.remove(f.getPaymentId());
            Set<String> reversed = new HashSet<>(reversedPayments);
            reversed.add(f.getPaymentId());
            return withPayments(next, reversed, f.getPaymentId(), f.getSequence());
        }
        if (fact instanceof CreditApplied f) {
            if (reversedCredits.contains(f.getApplicationId())) {
                return this;
            }
            Map<String, Credit> next = new HashMap<>(credits);
            next.put(f.getApplicationId(), new Credit(f.getCreditNoteId(), f.getAmount()));
            return withCredits(next, reversedCredits);
        }
        if (fact instanceof CreditReversed f) {
            Map<String, Credit> next = new HashMap<>(credits);
            next.remove(f.getApplicationId());
            Set<String> reversed = new HashSet<>(reversedCredits);
            reversed.add(f.getApplicationId());
            return withCredits(next, reversed);
        }
        if (fact instanceof InvoiceWrittenOff f) {
            return withWrittenOff(writtenOff.add(f.getAmount()));
        }
        if (fact instanceof InvoiceWriteOffCancelled f) {
            return withWrittenOff(writtenOff.subtract(f.getAmount()));
        }
        if (fact instanceof InvoiceVoided) {
            return new InvoiceState(imported, invoiceNumber, currency, total, dueDate, revision, payments,
                    reversedPayments, credits, reversedCredits, writtenOff, true, "void", dealId, linkedAt,
                    paymentSequences);
        }
        if (fact instanceof InvoiceLinked f) {
            return linkedAt != null && linkedAt.isAfter(f.getOccurredAt()) ? this
                    : withLink(f.getDealId(), f.getOccurredAt());
        }
        if (fact instanceof InvoiceUnlinked f) {
            boolean undoesLink = f.getDealId().equals(dealId) && (linkedAt == null || !linkedAt.isAfter(f.getOccurredAt()));
            return undoesLink ? withLink(null, f.getOccurredAt()) : this;
        }
        if (fact instanceof CreditRefunded) {
            return this; // refunds change no balance; their ids are remembered with every other fact id
        }
        return this;
    }

    /** Money may arrive before its invoice: its currency is known from the money until the import says it. */
    private InvoiceState withCurrency(String moneyCurrency) {
        return currency != null ? this : new InvoiceState(imported, invoiceNumber, moneyCurrency, total, dueDate,
                revision, payments, reversedPayments, credits, reversedCredits, writtenOff, voided, status, dealId,
                linkedAt, paymentSequences);
    }

    private InvoiceState withPayments(Map<String, BigDecimal> next, Set<String> reversed, String paymentId,
                                      long sequence) {
        Map<String, Long> sequences = new HashMap<>(paymentSequences);
        sequences.merge(paymentId, sequence, Math::max);
        return new InvoiceState(imported, invoiceNumber, currency, total, dueDate, revision, Map.copyOf(next),
                Set.copyOf(reversed), credits, reversedCredits, writtenOff, voided, status, dealId, linkedAt,
                Map.copyOf(sequences));
    }

    /** The sequence of the payment's standing statement on this invoice (0 for facts from before sequences). */
    public long paymentSequence(String paymentId) {
        return paymentSequences.getOrDefault(paymentId, 0L);
    }

    private InvoiceState withCredits(Map<String, Credit> next, Set<String> reversed) {
        return new InvoiceState(imported, invoiceNumber, currency, total, dueDate, revision, payments,
                reversedPayments, Map.copyOf(next), Set.copyOf(reversed), writtenOff, voided, status, dealId, linkedAt,
                paymentSequences);
    }

    private InvoiceState withWrittenOff(BigDecimal amount) {
        return new InvoiceState(imported, invoiceNumber, currency, total, dueDate, revision, payments,
                reversedPayments, credits, reversedCredits, amount, voided, status, dealId, linkedAt, paymentSequences);
    }

    private InvoiceState withLink(String deal, Instant at) {
        return new InvoiceState(imported, invoiceNumber, currency, total, dueDate, revision, payments,
                reversedPayments, credits, reversedCredits, writtenOff, voided, status, deal, at, paymentSequences);
    }
}
