package io.dealledger.core.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import io.dealledger.core.money.Money;

/**
 * One immutable fact about one Books invoice, as the ledger sees it (docs/architecture.md, "The ledger"). {@link #id()}
 * is the fact's event id: deterministic, so a redelivered or replayed fact is recognised and applied once.
 *
 * <p>Money on an invoice is stated, not added up: a payment's application to the invoice, a credit application and
 * the write-off each have a current amount, and every change of it is a new fact with the next {@code sequence}
 * (the first is 1; facts written before sequences existed read as 0). The fact with the highest sequence says what
 * holds now: a second application of a payment, an edited amount, an application taken off and put back are each a
 * new fact, and a redelivery is the same fact. Status and terms are stated with Books' own revision
 * ({@code last_modified_time}): the newest revision wins.
 */
public sealed interface LedgerFact {

    /** Orders facts by when they happened, then by id, so that "the latest" never depends on arrival order. */
    Comparator<LedgerFact> CHRONOLOGICAL = Comparator.comparing(LedgerFact::occurredAt).thenComparing(LedgerFact::id);

    String id();

    Instant occurredAt();

    InvoiceRef invoice();

    /** A statement of an amount that holds until a statement with a higher sequence about the same thing. */
    sealed interface Stated extends LedgerFact {
        long sequence();
    }

    /**
     * The invoice as Books has it (created by invoice-service or found by payment-service); {@code subTotal} is
     * its amount before tax, null when the fact predates it; {@code revision} Books' last_modified_time, or null.
     */
    record Imported(String id, Instant occurredAt, InvoiceRef invoice, String number, String customerId, Money total,
                    LocalDate invoiceDate, LocalDate dueDate, String booksStatus, String url, Money subTotal,
                    String revision) implements LedgerFact {

        public Imported(String id, Instant occurredAt, InvoiceRef invoice, String number, String customerId,
                        Money total, LocalDate invoiceDate, LocalDate dueDate, String booksStatus, String url,
                        Money subTotal) {
            this(id, occurredAt, invoice, number, customerId, total, invoiceDate, dueDate, booksStatus, url, subTotal,
                    null);
        }
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

    /**
     * New terms: total, due date and, from the fact's third version, Books' status (draft, sent, void, ...); only the
     * newest {@code revision} (Books last_modified_time) counts. {@code status} is null in older facts.
     */
    record Amended(String id, Instant occurredAt, InvoiceRef invoice, String revision, Money total, LocalDate dueDate,
                   Money subTotal, String status) implements LedgerFact {

        public Amended(String id, Instant occurredAt, InvoiceRef invoice, String revision, Money total,
                       LocalDate dueDate, Money subTotal) {
            this(id, occurredAt, invoice, revision, total, dueDate, subTotal, null);
        }
    }

    /** Payment {@code paymentId} is applied to the invoice for {@code amount} (all its applications to it together). */
    record PaymentApplied(String id, Instant occurredAt, InvoiceRef invoice, String paymentId, Money amount,
                          LocalDate paidOn, long sequence) implements Stated {

        public PaymentApplied(String id, Instant occurredAt, InvoiceRef invoice, String paymentId, Money amount,
                              LocalDate paidOn) {
            this(id, occurredAt, invoice, paymentId, amount, paidOn, 0);
        }
    }

    /**
     * Payment {@code paymentId} no longer counts on the invoice ({@code amount} was taken off); {@code refund}: the
     * money went back to the customer, so it also counts into the refunded total.
     */
    record PaymentReversed(String id, Instant occurredAt, InvoiceRef invoice, String paymentId, Money amount,
                           boolean refund, long sequence) implements Stated {

        public PaymentReversed(String id, Instant occurredAt, InvoiceRef invoice, String paymentId, Money amount,
                               boolean refund) {
            this(id, occurredAt, invoice, paymentId, amount, refund, 0);
        }
    }

    /** A credit note's application {@code applicationId} (Books' creditnotes_invoice_id) counts {@code amount}. */
    record CreditApplied(String id, Instant occurredAt, InvoiceRef invoice, String applicationId, Money amount,
                         long sequence) implements Stated {

        public CreditApplied(String id, Instant occurredAt, InvoiceRef invoice, String applicationId, Money amount) {
            this(id, occurredAt, invoice, applicationId, amount, 0);
        }
    }

    /** The credit application {@code applicationId} no longer counts. */
    record CreditReversed(String id, Instant occurredAt, InvoiceRef invoice, String applicationId, Money amount,
                          long sequence) implements Stated {

        public CreditReversed(String id, Instant occurredAt, InvoiceRef invoice, String applicationId, Money amount) {
            this(id, occurredAt, invoice, applicationId, amount, 0);
        }
    }

    /** Credit-note money paid back to the customer: counts as refunded, does not change the invoice balance. */
    record CreditRefunded(String id, Instant occurredAt, InvoiceRef invoice, String refundId, Money amount)
            implements LedgerFact {
    }

    /** The invoice's balance {@code amount} is written off. */
    record WrittenOff(String id, Instant occurredAt, InvoiceRef invoice, Money amount, long sequence) implements Stated {

        public WrittenOff(String id, Instant occurredAt, InvoiceRef invoice, Money amount) {
            this(id, occurredAt, invoice, amount, 0);
        }
    }

    /** The write-off is cancelled: nothing is written off any more. */
    record WriteOffCancelled(String id, Instant occurredAt, InvoiceRef invoice, Money amount, long sequence)
            implements Stated {

        public WriteOffCancelled(String id, Instant occurredAt, InvoiceRef invoice, Money amount) {
            this(id, occurredAt, invoice, amount, 0);
        }
    }

    /** Books voided the invoice ({@code revision}: its last_modified_time then, or null in older facts). */
    record Voided(String id, Instant occurredAt, InvoiceRef invoice, String revision) implements LedgerFact {

        public Voided(String id, Instant occurredAt, InvoiceRef invoice) {
            this(id, occurredAt, invoice, null);
        }
    }
}
