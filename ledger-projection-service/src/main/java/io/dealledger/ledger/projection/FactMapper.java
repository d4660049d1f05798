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
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.LedgerFact;
import io.dealledger.core.invoice.LedgerFacts;
import io.dealledger.core.money.Money;
import io.dealledger.schemas.failures.FailureCategory;

import org.apache.avro.specific.SpecificRecord;

/** Translates the Avro contracts into the ledger's domain facts (through ledger-core) and deal inputs. */
public final class FactMapper {

    private FactMapper() {
    }

    /** The ledger fact an event states, if it states one (ledger-core's reading of the facts). */
    public static Optional<LedgerFact> toFact(SpecificRecord event) {
        return LedgerFacts.of(event);
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

}
