package io.dealledger.service.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every service's error answer, an RFC 9457 problem ({@code application/problem+json}) with one type scheme,
 * {@code urn:dealledger:problem:<slug>}: the standard members, plus {@code field} and {@code reason} naming what was
 * refused and why, the failure {@code category} where one applies, and any member a route adds to name the value
 * it could not answer for (say {@code "accountId": "5725…"}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      String reason, String category, @JsonIgnore Map<String, Object> members) {

    public static final String TYPE_PREFIX = "urn:dealledger:problem:";

    public Problem {
        members = members == null ? Map.of() : Map.copyOf(members);
    }

    /** A problem of type {@code urn:dealledger:problem:<slug>}. */
    public static Problem of(String slug, String title, int status, String detail, String instance, String field,
                             String reason) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, field, reason, null, Map.of());
    }

    /** The same problem in a failure category ({@code FailureCategory} name). */
    public Problem inCategory(String name) {
        return new Problem(type, title, status, detail, instance, field, reason, name, members);
    }

    /** The same problem with one more member, e.g. the value a route found nothing for. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, field, reason, category, more);
    }

    @JsonAnyGetter
    public Map<String, Object> extraMembers() {
        return members;
    }

    /** As an HTTP answer; a 503 says when to try again. */
    public ResponseEntity<Problem> response(int retryAfterSeconds) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        return answer.body(this);
    }
}
