package io.dealledger.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aProblemReadsAsRfc9457WithOneTypeSchemeAndTheValueItCouldNotAnswerFor() {
        Problem problem = Problem.of("not-found", "Account ledger not found", 404, "No ledger for account 42", null,
                "accountId", null).with("accountId", "42");

        JsonNode body = JSON.readTree(JSON.writeValueAsString(problem));

        assertThat(body.path("type").asString()).isEqualTo("urn:dealledger:problem:not-found");
        assertThat(body.path("status").asInt()).isEqualTo(404);
        assertThat(body.path("field").asString()).isEqualTo("accountId");
        assertThat(body.path("accountId").asString()).isEqualTo("42");
        assertThat(body.has("members")).as("extra members are top-level, not nested").isFalse();
        assertThat(body.has("reason")).as("absent members are left out").isFalse();
    }

    @Test
    void anUnavailableAnswerSaysWhenToAskAgainAndCarriesItsCategory() {
        ResponseEntity<Problem> answer = Problem.of("unavailable", "Service unavailable", 503, "Books unavailable", "/x",
                null, "Books unavailable").inCategory("BOOKS_UNAVAILABLE").response(5);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().category()).isEqualTo("BOOKS_UNAVAILABLE");
        assertThat(Problem.of("invalid", "Invalid request", 400, "x", null, "x", "y").response(5).getHeaders()
                .getFirst("Retry-After")).isNull();
    }
}
