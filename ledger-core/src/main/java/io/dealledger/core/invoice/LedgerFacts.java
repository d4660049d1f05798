package io.dealledger.core.invoice;

import java.util.Optional;

import io.dealledger.core.money.Money;
import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.InvoiceUnlinked;
import io.dealledger.events.InvoiceVoided;
import io.dealledger.events.InvoiceWriteOffCancelled;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.schemas.failures.FailureCategory;

import org.apache.avro.specific.SpecificRecord;

/** Reads the events of ledger.facts.v1 (and an issued invoice's outcome) as the ledger's facts. */
public final class LedgerFacts {

    private LedgerFacts() {
    }

    /**
     * The ledger fact an event states, if it states one. An {@link InvoiceIssued} states that its invoice is
     * linked to its deal (invoice-service created it for that deal, with its date and the deal's account); an
     * {@link InvoiceLinkRejected} moves no money but stands on the deal until the invoice is linked to it. An event
     * naming a currency ISO 4217 does not know throws {@link IllegalArgumentException}: it cannot be a fact.
     */
    public static Optional<LedgerFact> of(SpecificRecord event) {
        return of(event, null);
    }

    /**
     * The same, with the reference of the invoice the caller holds the facts of: a fact about that invoice shares it
     * (and its strings) instead of carrying its own, which is most of a fact's memory where many are held.
     */
    public static Optional<LedgerFact> of(SpecificRecord event, InvoiceRef known) {
        LedgerFact fact = null;
        if (event instanceof InvoiceImported e) {
            fact = new LedgerFact.Imported(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getInvoiceNumber(), e.getCustomerId(), Money.of(e.getTotal(), e.getCurrency()),
                    e.getInvoiceDate(), e.getDueDate(), e.getStatus(), e.getInvoiceUrl(),
                    e.getSubTotal() == null ? null : Money.of(e.getSubTotal(), e.getCurrency()), e.getRevision());
        } else if (event instanceof InvoiceLinked e) {
            fact = new LedgerFact.Linked(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId(), e.getAccountId(), null);
        } else if (event instanceof InvoiceIssued e) {
            fact = new LedgerFact.Linked(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId(), e.getAccountId(), e.getInvoiceDate());
        } else if (event instanceof InvoiceLinkRejected e) {
            fact = new LedgerFact.LinkRejected(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId(), e.getRequestId(), e.getCode(),
                    FailureCategory.parse(e.getCategory()).name(), e.getMessage());
        } else if (event instanceof InvoiceUnlinked e) {
            fact = new LedgerFact.Unlinked(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId());
        } else if (event instanceof InvoiceAmended e) {
            fact = new LedgerFact.Amended(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getRevision(), Money.of(e.getTotal(), e.getCurrency()), e.getDueDate(),
                    e.getSubTotal() == null ? null : Money.of(e.getSubTotal(), e.getCurrency()), e.getStatus());
        } else if (event instanceof PaymentApplied e) {
            fact = new LedgerFact.PaymentApplied(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getPaymentId(), Money.of(e.getAmount(), e.getCurrency()), e.getPaidOn(),
                    e.getSequence());
        } else if (event instanceof PaymentReversed e) {
            fact = new LedgerFact.PaymentReversed(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getPaymentId(), Money.of(e.getAmount(), e.getCurrency()),
                    e.getReason() == PaymentReversalReason.REFUNDED, e.getSequence());
        } else if (event instanceof CreditApplied e) {
            fact = new LedgerFact.CreditApplied(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getApplicationId(), Money.of(e.getAmount(), e.getCurrency()), e.getSequence());
        } else if (event instanceof CreditReversed e) {
            fact = new LedgerFact.CreditReversed(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getApplicationId(), Money.of(e.getAmount(), e.getCurrency()), e.getSequence());
        } else if (event instanceof CreditRefunded e) {
            fact = new LedgerFact.CreditRefunded(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getRefundId(), Money.of(e.getAmount(), e.getCurrency()));
        } else if (event instanceof InvoiceWrittenOff e) {
            fact = new LedgerFact.WrittenOff(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), Money.of(e.getAmount(), e.getCurrency()), e.getSequence());
        } else if (event instanceof InvoiceWriteOffCancelled e) {
            fact = new LedgerFact.WriteOffCancelled(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), Money.of(e.getAmount(), e.getCurrency()), e.getSequence());
        } else if (event instanceof InvoiceVoided e) {
            fact = new LedgerFact.Voided(e.getEventId(), e.getOccurredAt(), ref(known, e.getOrganizationId(),
                    e.getInvoiceId()), e.getRevision());
        }
        return Optional.ofNullable(fact);
    }

    private static InvoiceRef ref(InvoiceRef known, String organizationId, String invoiceId) {
        return known != null && known.invoiceId().equals(invoiceId) && known.organizationId().equals(organizationId)
                ? known : new InvoiceRef(organizationId, invoiceId);
    }
}
