package io.dealledger.ledger.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import io.dealledger.ledger.money.Money;

/**
 * One immutable fact about one Books invoice, as the ledger sees it. {@link #id()} is the fact's event id:
 * deterministic, so a redelivered or replayed fact is recognised and applied once.
 */
public sealed interface LedgerFact {

    /** Orders facts by when they happened, then by id, so that "the latest" never depends on arrival order. */
    Comparator<LedgerFact> CHRONOLOGICAL = Comparator.comparing(LedgerFact::occurredAt).thenComparing(LedgerFact::id);

    String id();

    Instant occurredAt();

    InvoiceRef invoice();

    /**
     * The invoice as Books has it (created by invoice-service or found by payment-service); {@code subTotal} is
     * its amount before tax, null when the fact predates it.
     */
    record Imported(String id, Instant occurredAt, InvoiceRef invoice, String number, String customerId, Money total,
                    LocalDate invoiceDate, LocalDate dueDate, String booksStatus, String url, Money subTotal)
            implements LedgerFact {
    }

    /**
     * The invoice belongs to a deal from now on (replacing any earlier link).
     *
     * @param accountId   the CRM account of the deal as the writer knew it at link time, or null
     * @param invoiceDate the invoice's date when the link is an issued invoice (InvoiceIssued), else null
     */
    record Linked(String id, Instant occurredAt, InvoiceRef invoice, String dealId, String accountId,
                  LocalDate invoiceDate) implements LedgerFact {

        /** A link that names no account and no date. */
        public Linked(String id, Instant occurredAt, InvoiceRef invoice, String dealId) {
            this(id, occurredAt, invoice, dealId, null, null);
        }
    }

    /**
     * A request to link the invoice to {@code dealId} was refused (InvoiceLinkRejected). It carries no money; the deal
     * shows it until the invoice is linked to that deal by a later link.
     *
     * @param category a {@code FailureCategory} name
     */
    record LinkRejected(String id, Instant occurredAt, InvoiceRef invoice, String dealId, String requestId, String code,
                        String category, String message) implements LedgerFact {
    }

    /** The invoice no longer belongs to {@code dealId}; a no-op if it is linked elsewhere by then. */
    record Unlinked(String id, Instant occurredAt, InvoiceRef invoice, String dealId) implements LedgerFact {
    }

    /** A new total or due date; only the newest {@code revision} (Books last_modified_time) counts. */
    record Amended(String id, Instant occurredAt, InvoiceRef invoice, String revision, Money total, LocalDate dueDate,
                   Money subTotal) implements LedgerFact {
    }

    record PaymentApplied(String id, Instant occurredAt, InvoiceRef invoice, String paymentId, Money amount,
                          LocalDate paidOn) implements LedgerFact {
    }

    /** Takes payment {@code paymentId} off the invoice; a refund also counts into the refunded total. */
    record PaymentReversed(String id, Instant occurredAt, InvoiceRef invoice, String paymentId, Money amount,
                           boolean refund) implements LedgerFact {
    }

    record CreditApplied(String id, Instant occurredAt, InvoiceRef invoice, String applicationId, Money amount)
            implements LedgerFact {
    }

    record CreditReversed(String id, Instant occurredAt, InvoiceRef invoice, String applicationId, Money amount)
            implements LedgerFact {
    }

    /** Credit-note money paid back to the customer: counts as refunded, does not change the invoice balance. */
    record CreditRefunded(String id, Instant occurredAt, InvoiceRef invoice, String refundId, Money amount)
            implements LedgerFact {
    }

    record WrittenOff(String id, Instant occurredAt, InvoiceRef invoice, Money amount) implements LedgerFact {
    }

    record WriteOffCancelled(String id, Instant occurredAt, InvoiceRef invoice, Money amount) implements LedgerFact {
    }

    record Voided(String id, Instant occurredAt, InvoiceRef invoice) implements LedgerFact {
    }
}
