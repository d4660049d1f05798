package io.dealledger.ledger.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;

/** Something that changes a deal's ledger, keyed by the deal. */
public sealed interface DealInput {

    /** An invoice's contribution to this deal changed; {@code view} null means it left the deal. */
    record InvoiceChanged(InvoiceRef invoice, InvoiceView view) implements DealInput {
    }

    /** The deal as CRM has it (DealChanged): the latest by time counts. */
    record Terms(String eventId, Instant occurredAt, String organizationId, BigDecimal amount, String currency)
            implements DealInput, Dated {
    }

    /** invoice-service issued an invoice for the deal, reading the deal's amount at push time. */
    record Issued(String eventId, Instant occurredAt, String organizationId, String requestId, String invoiceId,
                  BigDecimal dealAmount, String dealCurrency) implements DealInput, Dated {
    }

    /**
     * invoice-service refused an invoice request for the deal.
     *
     * @param message  every reason's message, joined by "; "
     * @param category the first (primary) reason's {@code FailureCategory} name, null when there is no reason
     */
    record Rejected(String eventId, Instant occurredAt, String requestId, String message, String category)
            implements DealInput, Dated {
    }

    /**
     * The deal's CRM account as one writer knew it (DealChanged, or an InvoiceLinked / InvoiceIssued naming it): the
     * latest by time counts, and a source that names no account changes nothing.
     */
    record AccountSeen(String eventId, Instant occurredAt, String accountId) implements DealInput, Dated {
    }

    /**
     * A link tied {@code invoice} to this deal at some time (it may have been re-linked since): the deal keeps the
     * invoice's key for its as-of ledgers ({@link DealHistory}); the current ledger does not change.
     */
    record LinkSeen(InvoiceRef invoice) implements DealInput {
    }

    /** The standing refusal to link {@code invoice} to this deal changed; {@code rejection} null: none stands now. */
    record LinkRejectionChanged(InvoiceRef invoice, DealView.LinkRejection rejection) implements DealInput {
    }

    /** An input that replaces an earlier one of its kind when it happened later. */
    interface Dated {
        Comparator<Dated> CHRONOLOGICAL = Comparator.comparing(Dated::occurredAt).thenComparing(Dated::eventId);

        String eventId();

        Instant occurredAt();

        static <T extends Dated> T later(T current, T candidate) {
            return current == null || CHRONOLOGICAL.compare(candidate, current) > 0 ? candidate : current;
        }
    }
}
