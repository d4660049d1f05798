package io.dealledger.ledger.projection;

import java.util.Optional;

import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.ledger.request.RequestStatus;

import org.apache.avro.specific.SpecificRecord;

/** Reads an invoice outcome as the status of its request. */
final class RequestStatuses {

    private RequestStatuses() {
    }

    static Optional<RequestStatus> fromOutcome(SpecificRecord event) {
        if (event instanceof InvoiceIssued issued) {
            return Optional.of(new RequestStatus(issued.getRequestId(), issued.getDealId(),
                    RequestStatus.State.ISSUED, issued.getInvoiceId(), issued.getInvoiceNumber(),
                    issued.getInvoiceUrl(), null, issued.getEventId(), issued.getOccurredAt()));
        }
        if (event instanceof InvoiceRejected rejected) {
            boolean waiting = !rejected.getReasons().isEmpty() && rejected.getReasons().stream()
                    .allMatch(reason -> RequestStatus.DAILY_LIMIT_CODE.equals(reason.getCode()));
            return Optional.of(new RequestStatus(rejected.getRequestId(), rejected.getDealId(),
                    waiting ? RequestStatus.State.WAITING : RequestStatus.State.REJECTED, null, null, null,
                    rejected.getReasons().stream()
                    .map(r -> new RequestStatus.Reason(r.getCode(), r.getField(), r.getMessage())).toList(),
                    rejected.getEventId(), rejected.getOccurredAt()));
        }
        return Optional.empty();
    }
}
