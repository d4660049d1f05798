package io.dealledger.ledger.query;

import io.dealledger.service.http.Problem;

import org.springframework.http.ResponseEntity;

/** The projection's RFC 9457 problem answers (application/problem+json, service-kit's {@link Problem}). */
public final class Problems {

    /** A ledger not ready yet is worth asking again within a second. */
    private static final int RETRY_AFTER_SECONDS = 1;

    private Problems() {
    }

    public static ResponseEntity<Object> notFound(String what, String detail) {
        return answer(Problem.of("not-found", what + " not found", 404, detail, null, null, null));
    }

    /** Not found, naming the path parameter ({@code field}) and its value, e.g. {@code "accountId": "5725…"}. */
    public static ResponseEntity<Object> notFound(String what, String field, String value, String detail) {
        return answer(Problem.of("not-found", what + " not found", 404, detail, null, field, null).with(field, value));
    }

    public static ResponseEntity<Object> badRequest(String field, String reason) {
        return answer(Problem.of("invalid", "Invalid request", 400, field + ": " + reason, null, field, reason));
    }

    /** The request is well formed but the data it names cannot answer it (e.g. a deal without an account, a ledger as
     * of a date whose intermediate state breaks an invariant). */
    public static ResponseEntity<Object> unprocessable(String field, String reason) {
        return answer(Problem.of("unprocessable", "Cannot answer for this request", 422, reason, null, field, reason));
    }

    public static ResponseEntity<Object> badGateway(String reason) {
        return answer(Problem.of("zoho-unavailable", "Zoho did not answer", 502, reason, null, null, null));
    }

    public static ResponseEntity<Object> unavailable(String reason) {
        return answer(Problem.of("unavailable", "Ledger not available yet", 503, reason, null, null, null));
    }

    private static ResponseEntity<Object> answer(Problem problem) {
        ResponseEntity<Problem> answer = problem.response(RETRY_AFTER_SECONDS);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }
}
