package io.dealledger.gateway.http;


import io.dealledger.gateway.problem.Refusal;
import io.dealledger.service.http.Problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;

/** How any failure reads as an RFC 9457 problem (service-kit's {@link Problem}), and which metrics outcome it is. */
final class Problems {

    private Problems() {
    }

    static Problem of(Throwable error, String instance) {
        if (error instanceof Refusal refusal) {
            Refusal.Kind kind = refusal.kind();
            String detail = refusal.field() == null ? refusal.reason() : refusal.field() + " " + refusal.reason();
            return Problem.of(kind.slug(), kind.title(), kind.status(), detail, instance, refusal.field(),
                    refusal.reason());
        }
        if (error instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            String reason = response.getBody().getDetail() != null ? response.getBody().getDetail()
                    : error instanceof ResponseStatusException rse && rse.getReason() != null ? rse.getReason()
                    : response.getBody().getTitle();
            return Problem.of("http-" + status.value(), response.getBody().getTitle(), status.value(), reason,
                    instance, null, reason);
        }
        return Problem.of("internal", "Internal error", 500, "the gateway failed unexpectedly; nothing was published",
                instance, null, null);
    }

    /** The metrics outcome of an HTTP status. */
    static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "accepted";
        }
        return switch (status) {
            case 401, 403 -> "unauthorized";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 502, 503, 504 -> "unavailable";
            default -> status >= 500 ? "error" : "invalid";
        };
    }
}
