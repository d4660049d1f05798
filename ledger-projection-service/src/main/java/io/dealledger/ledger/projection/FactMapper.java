package io.dealledger.ledger.projection;

import java.util.Optional;
import java.util.stream.Collectors;

import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.DealChanged;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceUnlinked;
import io.dealledger.events.InvoiceVoided;
import io.dealledger.events.InvoiceWriteOffCancelled;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.ledger.deal.DealInput;
import io.dealledger.ledger.invoice.InvoiceRef;
import io.dealledger.ledger.invoice.LedgerFact;
import io.dealledger.ledger.money.Money;

import org.apache.avro.specific.SpecificRecord;

/** Translates the Avro contracts into the ledger's domain facts and deal inputs. */
public final class FactMapper {

    private FactMapper() {
    }

    /**
     * The ledger fact an event states, if it states one. An {@link InvoiceIssued} states that its invoice is
     * linked to its deal (invoice-service created it for that deal); InvoiceLinkRejected states nothing about
     * money and is ignored.
     */
    public static Optional<LedgerFact> toFact(SpecificRecord event) {
        LedgerFact fact = null;
        if (event instanceof InvoiceImported e) {
            fact = new LedgerFact.Imported(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getInvoiceNumber(), e.getCustomerId(), Money.of(e.getTotal(), e.getCurrency()),
                    e.getInvoiceDate(), e.getDueDate(), e.getStatus(), e.getInvoiceUrl(),
                    e.getSubTotal() == null ? null : Money.of(e.getSubTotal(), e.getCurrency()));
        } else if (event instanceof InvoiceLinked e) {
            fact = new LedgerFact.Linked(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId());
        } else if (event instanceof InvoiceIssued e) {
            fact = new LedgerFact.Linked(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId());
        } else if (event instanceof InvoiceUnlinked e) {
            fact = new LedgerFact.Unlinked(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId());
        } else if (event instanceof InvoiceAmended e) {
            fact = new LedgerFact.Amended(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getRevision(), Money.of(e.getTotal(), e.getCurrency()), e.getDueDate(),
                    e.getSubTotal() == null ? null : Money.of(e.getSubTotal(), e.getCurrency()));
        } else if (event instanceof PaymentApplied e) {
            fact = new LedgerFact.PaymentApplied(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getPaymentId(), Money.of(e.getAmount(), e.getCurrency()), e.getPaidOn());
        } else if (event instanceof PaymentReversed e) {
            fact = new LedgerFact.PaymentReversed(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getPaymentId(), Money.of(e.getAmount(), e.getCurrency()),
                    e.getReason() == PaymentReversalReason.REFUNDED);
        } else if (event instanceof CreditApplied e) {
            fact = new LedgerFact.CreditApplied(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getApplicationId(), Money.of(e.getAmount(), e.getCurrency()));
        } else if (event instanceof CreditReversed e) {
            fact = new LedgerFact.CreditReversed(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getApplicationId(), Money.of(e.getAmount(), e.getCurrency()));
        } else if (event instanceof CreditRefunded e) {
            fact = new LedgerFact.CreditRefunded(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getRefundId(), Money.of(e.getAmount(), e.getCurrency()));
        } else if (event instanceof InvoiceWrittenOff e) {
            fact = new LedgerFact.WrittenOff(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), Money.of(e.getAmount(), e.getCurrency()));
        } else if (event instanceof InvoiceWriteOffCancelled e) {
            fact = new LedgerFact.WriteOffCancelled(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), Money.of(e.getAmount(), e.getCurrency()));
        } else if (event instanceof InvoiceVoided e) {
            fact = new LedgerFact.Voided(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()));
        }
        return Optional.ofNullable(fact);
    }

    /** What a deal-keyed event (DealChanged, InvoiceIssued, InvoiceRejected) says about its deal. */
    public static Optional<DealInput> toDealInput(SpecificRecord event) {
        if (event instanceof DealChanged e) {
            return Optional.of(new DealInput.Terms(e.getEventId(), e.getOccurredAt(), e.getOrganizationId(),
                    e.getAmount(), e.getCurrency()));
        } else if (event instanceof InvoiceIssued e) {
            return Optional.of(new DealInput.Issued(e.getEventId(), e.getOccurredAt(), e.getOrganizationId(),
                    e.getRequestId(), e.getInvoiceId(), e.getDealAmount(), e.getDealCurrency()));
        } else if (event instanceof InvoiceRejected e) {
            return Optional.of(new DealInput.Rejected(e.getEventId(), e.getOccurredAt(), e.getRequestId(),
                    e.getReasons().stream().map(r -> r.getMessage()).collect(Collectors.joining("; "))));
        }
        return Optional.empty();
    }

    private static InvoiceRef ref(String organizationId, String invoiceId) {
        return new InvoiceRef(organizationId, invoiceId);
    }
}
