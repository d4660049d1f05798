package io.dealledger.ledger.request;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What became of one invoice request: accepted (InvoiceRequested seen), then issued or rejected, or waiting
 * (parked until its Books organization's day turns, then tried again). An outcome always beats "accepted",
 * whatever order they arrive in; between two outcomes the later one wins.
 *
 * @param state   ACCEPTED, ISSUED, REJECTED or WAITING
 * @param reasons why it was rejected (empty otherwise)
 */
public record RequestStatus(String requestId, String dealId, State state, String invoiceId, String invoiceNumber,
                            String invoiceUrl, List<Reason> reasons, String eventId, Instant occurredAt) {

    private static final Comparator<RequestStatus> PRECEDENCE = Comparator
            .comparing((RequestStatus status) -> status.state() != State.ACCEPTED)
            .thenComparing(RequestStatus::occurredAt)
            .thenComparing(RequestStatus::eventId);

    public RequestStatus {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public enum State {
        ACCEPTED, ISSUED, REJECTED,
        /** Parked for the day's Books limit; invoice-service tries it again after the organization's midnight. */
        WAITING
    }

    /** The rejection code of a request parked for the day's Books limit (invoice-service's Rejection.Code). */
    public static final String DAILY_LIMIT_CODE = "BOOKS_DAILY_LIMIT";

    /** One thing to fix, as invoice-service said it. */
    public record Reason(String code, String field, String message) {
    }

    public static RequestStatus accepted(String requestId, String dealId, String eventId, Instant occurredAt) {
        return new RequestStatus(requestId, dealId, State.ACCEPTED, null, null, null, List.of(), eventId, occurredAt);
    }

    /** Whether the request has an answer to show (issued, rejected, or waiting with a reason), so a long-poll can stop. */
    public boolean settled() {
        return state != State.ACCEPTED;
    }

    /** The status once both are known: an outcome beats acceptance, a later outcome beats an earlier one. */
    public static RequestStatus merge(RequestStatus current, RequestStatus incoming) {
        if (current == null) {
            return incoming;
        }
        return PRECEDENCE.compare(incoming, current) > 0 ? incoming : current;
    }
}
