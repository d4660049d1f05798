package io.dealledger.invoice.push;

import io.dealledger.events.BillingStage;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.stage.StageAmount;

/** An invoice request as the push sees it: which deal, and how much of it. */
public record InvoiceRequest(String requestId, String dealId, StageAmount stage, String stageCurrency) {

    public static InvoiceRequest from(InvoiceRequested event) {
        BillingStage stage = event.getStage();
        if (stage == null) {
            return new InvoiceRequest(event.getRequestId(), event.getDealId(), new StageAmount.WholeDeal(), null);
        }
        StageAmount amount = stage.getPercentage() != null
                ? new StageAmount.Percentage(stage.getLabel(), stage.getPercentage())
                : new StageAmount.Fixed(stage.getLabel(), stage.getFixedAmount());
        return new InvoiceRequest(event.getRequestId(), event.getDealId(), amount, stage.getCurrency());
    }
}
