package io.dealledger.gateway.problem;

import java.util.Objects;

/**
 * Why the gateway refuses a request, as data a caller can act on: which kind of refusal, the field (or
 * header) at fault and the reason. Plain Java so the domain parsers and verifiers can throw it; the HTTP
 * layer turns it into an RFC 9457 problem. A refused request publishes nothing.
 */
public final class Refusal extends RuntimeException {

    /** The kinds of refusal, each with the HTTP status and the metrics outcome it maps to. */
    public enum Kind {
        INVALID(400, "invalid", "Invalid request"),
        UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
        NOT_FOUND(404, "invalid", "Not found"),
        CONFLICT(409, "conflict", "Idempotency-Key reused with a different request"),
        TOO_LARGE(413, "too_large", "Request body too large"),
        UNSUPPORTED_MEDIA_TYPE(415, "invalid", "Unsupported media type"),
        UNAVAILABLE(503, "unavailable", "Service unavailable");

        private final int status;
        private final String outcome;
        private final String title;

        Kind(int status, String outcome, String title) {
            this.status = status;
            this.outcome = outcome;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String outcome() {
            return outcome;
        }

        public String title() {
            return title;
        }

        /** A stable problem type slug, e.g. {@code invalid}, {@code too-large}. */
        public String slug() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final Kind kind;
    private final String field;
    private final String reason;

    private Refusal(Kind kind, String field, String reason, Throwable cause) {
        super(field == null ? reason : field + ": " + reason, cause, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.field = field;
        this.reason = Objects.requireNonNull(reason);
    }

    public static Refusal invalid(String field, String reason) {
        return new Refusal(Kind.INVALID, field, reason, null);
    }

    public static Refusal unauthorized(String field, String reason) {
        return new Refusal(Kind.UNAUTHORIZED, field, reason, null);
    }

    /** The request names something (a topic, an offset) that does not exist; {@code field} says which. */
    public static Refusal notFound(String field, String reason) {
        return new Refusal(Kind.NOT_FOUND, field, reason, null);
    }

    public static Refusal conflict(String field, String reason) {
        return new Refusal(Kind.CONFLICT, field, reason, null);
    }

    /** A body of a media type the route does not read; {@code field} is the header at fault. */
    public static Refusal unsupportedMediaType(String field, String reason) {
        return new Refusal(Kind.UNSUPPORTED_MEDIA_TYPE, field, reason, null);
    }

    public static Refusal tooLarge(long limitBytes) {
        return new Refusal(Kind.TOO_LARGE, "body", "must not be larger than " + limitBytes + " bytes", null);
    }

    public static Refusal unavailable(String reason, Throwable cause) {
        return new Refusal(Kind.UNAVAILABLE, null, reason, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The field, header or parameter at fault; null when the refusal is about the request as a whole. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
