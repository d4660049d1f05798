package io.dealledger.ledger.query;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem responses (application/problem+json). */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<Object> notFound(String what, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(what + " not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** Not found, naming the path parameter ({@code field}) and its value, e.g. {@code "accountId": "5725…"}. */
    public static ResponseEntity<Object> notFound(String what, String field, String value, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(what + " not found");
        problem.setProperty("field", field);
        problem.setProperty(field, value);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    public static ResponseEntity<Object> badRequest(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://dealledger.io/problems/invalid-parameter"));
        problem.setProperty("field", field);
        problem.setProperty("reason", reason);
        return ResponseEntity.badRequest().body(problem);
    }

    /** The request is well formed but the data it names cannot answer it (e.g. a deal without an account). */
    public static ResponseEntity<Object> unprocessable(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, reason);
        problem.setTitle("Cannot answer for this deal");
        problem.setProperty("field", field);
        problem.setProperty("reason", reason);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    public static ResponseEntity<Object> badGateway(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, reason);
        problem.setTitle("Zoho did not answer");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }

    public static ResponseEntity<Object> unavailable(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, reason);
        problem.setTitle("Ledger not available yet");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
    }
}
