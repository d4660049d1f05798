package io.dealledger.invoice.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.RejectionReason;
import io.dealledger.schemas.EventIds;
import org.apache.avro.specific.SpecificRecord;

/**
 * Outcomes as published events. Event ids derive from the request id alone, so a redelivered or
 * reprocessed request publishes an event downstream recognises as the same one.
 */
public final class OutcomeEvents {

    static final String SOURCE = "invoice-service";

    private OutcomeEvents() {
    }

    /**
     * An issued request's event id is its request's; a rejection's also names its reasons, so a request refused
     * again for another reason (parked for the day's Books limit, then refused for a tax mapping) is a new event.
     */
    public static String eventId(Outcome outcome) {
        if (outcome instanceof Outcome.Rejected rejected) {
            return EventIds.derive("InvoiceRejected", rejected.requestId(),
                    rejected.reasons().stream().map(r -> r.code().name()).sorted().distinct()
                            .collect(java.util.stream.Collectors.joining(",")));
        }
        return EventIds.derive("InvoiceIssued", outcome.requestId());
    }

    public static SpecificRecord of(Outcome outcome, Instant now) {
        if (outcome instanceof Outcome.Issued issued) {
            return InvoiceIssued.newBuilder().setEventId(eventId(issued)).setOccurredAt(now)
                    .setSource(SOURCE).setOrganizationId(issued.organizationId()).setRequestId(issued.requestId())
                    .setDealId(issued.dealId()).setInvoiceId(issued.invoiceId())
                    .setInvoiceNumber(issued.invoiceNumber()).setCustomerId(issued.customerId())
                    .setTotal(money(issued.total())).setCurrency(issued.currency())
                    .setInvoiceDate(issued.invoiceDate()).setDueDate(issued.dueDate())
                    .setInvoiceUrl(issued.invoiceUrl()).setStageLabel(issued.stageLabel())
                    .setDealAmount(issued.dealAmount() == null ? null : money(issued.dealAmount()))
                    .setDealCurrency(issued.dealCurrency())
                    .setSubTotal(issued.subTotal() == null ? null : money(issued.subTotal()))
                    .setAccountId(issued.accountId()).build();
        }
        Outcome.Rejected rejected = (Outcome.Rejected) outcome;
        return InvoiceRejected.newBuilder().setEventId(eventId(rejected))
                    .setOccurredAt(now).setSource(SOURCE).setOrganizationId(rejected.organizationId())
                    .setRequestId(rejected.requestId()).setDealId(rejected.dealId())
                    .setReasons(reasons(rejected.reasons())).build();
    }

    private static List<RejectionReason> reasons(List<Rejection> reasons) {
        return reasons.stream().map(r -> RejectionReason.newBuilder().setCode(r.code().name()).setField(r.field())
                .setMessage(r.message()).setCategory(r.category().name()).build()).toList();
    }

    /** The events' decimals have scale 3 (enough for BHD, KWD, ...). */
    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(3, RoundingMode.HALF_UP);
    }
}
