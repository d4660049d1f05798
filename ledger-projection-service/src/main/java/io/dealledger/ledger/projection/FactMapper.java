package io.dealledger.ledger.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.DealChanged;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRejected;
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
import io.dealledger.schemas.failures.FailureCategory;

import org.apache.avro.specific.SpecificRecord;

/** Translates the Avro contracts into the ledger's domain facts and deal inputs. */
public final class FactMapper {

    private FactMapper() {
    }

    /**
     * The ledger fact an event states, if it states one. An {@link InvoiceIssued} states that its invoice is
     * linked to its deal (invoice-service created it for that deal, with its date and the deal's account); an
     * {@link InvoiceLinkRejected} moves no money but stands on the deal until the invoice is linked to it.
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
                    e.getInvoiceId()), e.getDealId(), e.getAccountId(), null);
        } else if (event instanceof InvoiceIssued e) {
            fact = new LedgerFact.Linked(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId(), e.getAccountId(), e.getInvoiceDate());
        } else if (event instanceof InvoiceLinkRejected e) {
            fact = new LedgerFact.LinkRejected(e.getEventId(), e.getOccurredAt(), ref(e.getOrganizationId(),
                    e.getInvoiceId()), e.getDealId(), e.getRequestId(), e.getCode(),
                    FailureCategory.parse(e.getCategory()).name(), e.getMessage());
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

    /**
     * What a deal-keyed event (DealChanged, InvoiceIssued, InvoiceRejected) says about its deal. A DealChanged naming
     * an account also says which account the deal belongs to (an InvoiceIssued's account reaches the deal with its
     * link, through the invoice's ledger).
     */
    public static List<DealInput> toDealInput(SpecificRecord event) {
        List<DealInput> inputs = new ArrayList<>();
        if (event instanceof DealChanged e) {
            inputs.add(new DealInput.Terms(e.getEventId(), e.getOccurredAt(), e.getOrganizationId(), e.getAmount(),
                    e.getCurrency()));
            if (e.getAccountId() != null && !e.getAccountId().isBlank()) {
                inputs.add(new DealInput.AccountSeen(e.getEventId(), e.getOccurredAt(), e.getAccountId()));
            }
        } else if (event instanceof InvoiceIssued e) {
            inputs.add(new DealInput.Issued(e.getEventId(), e.getOccurredAt(), e.getOrganizationId(),
                    e.getRequestId(), e.getInvoiceId(), e.getDealAmount(), e.getDealCurrency()));
        } else if (event instanceof InvoiceRejected e) {
            inputs.add(new DealInput.Rejected(e.getEventId(), e.getOccurredAt(), e.getRequestId(),
                    e.getReasons().stream().map(r -> r.getMessage()).collect(Collectors.joining("; ")),
                    e.getReasons().isEmpty() ? null : FailureCategory.parse(e.getReasons().get(0).getCategory()).name()));
        }
        return inputs;
    }

    private static InvoiceRef ref(String organizationId, String invoiceId) {
        return new InvoiceRef(organizationId, invoiceId);
    }
}
