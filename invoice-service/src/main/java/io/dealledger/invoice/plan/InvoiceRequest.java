package io.dealledger.invoice.plan;

import java.util.Set;

import io.dealledger.events.BillingStage;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.stage.StageAmount;

/**
 * An invoice request as the push sees it: which deal, and how much of it.
 *
 * @param laterRequests for a replayed request, the requests for the same deal and stage asked after it: if Books
 *                      has an invoice of one of them, this request was superseded and is not invoiced again
 */
public record InvoiceRequest(String requestId, String dealId, StageAmount stage, String stageCurrency,
                             Set<String> laterRequests) {

    public InvoiceRequest {
        laterRequests = Set.copyOf(laterRequests);
    }

    public static InvoiceRequest from(InvoiceRequested event) {
        BillingStage stage = event.getStage();
        if (stage == null) {
            return new InvoiceRequest(event.getRequestId(), event.getDealId(), new StageAmount.WholeDeal(), null,
                    Set.of());
        }
        StageAmount amount = stage.getPercentage() != null
                ? new StageAmount.Percentage(stage.getLabel(), stage.getPercentage())
                : new StageAmount.Fixed(stage.getLabel(), stage.getFixedAmount());
        return new InvoiceRequest(event.getRequestId(), event.getDealId(), amount, stage.getCurrency(), Set.of());
    }

    /** The same request, replayed after {@code later} were asked for the same deal and stage. */
    public InvoiceRequest replayedAfter(Set<String> later) {
        return new InvoiceRequest(requestId, dealId, stage, stageCurrency, later);
    }
}
