package io.dealledger.ledger.query;

import java.util.List;

import io.dealledger.ledger.request.RequestStatus;

/**
 * An invoice request's status: {@code accepted}, {@code issued} (with the invoice), {@code rejected} (with
 * reasons a person can act on) or {@code waiting} (with the reason: the organization's Books calls for the day are
 * spent, and when it will be tried again).
 */
public record InvoiceRequestResponse(String requestId, String dealId, String status, Invoice invoice,
                                     List<RequestStatus.Reason> reasons) {

    /** The Books invoice an issued request created. */
    public record Invoice(String invoiceId, String invoiceNumber, String invoiceUrl) {
    }

    static InvoiceRequestResponse of(RequestStatus status) {
        return new InvoiceRequestResponse(status.requestId(), status.dealId(), status.state().name().toLowerCase(),
                status.state() == RequestStatus.State.ISSUED
                        ? new Invoice(status.invoiceId(), status.invoiceNumber(), status.invoiceUrl()) : null,
                status.reasons());
    }
}
