package io.dealledger.gateway.invoicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.gateway.support.TestSecrets;
import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class InvoiceRequestIT extends GatewayIT {

    private static String path(String dealId) {
        return "/api/v1/deals/" + dealId + "/invoice-requests";
    }

    private List<InvoiceRequested> published(String dealId) {
        return recordsWithKey(Topics.INVOICE_REQUESTS, dealId).stream()
                .map(ConsumerRecord::value).map(InvoiceRequested.class::cast).toList();
    }

    private InvoiceRequestController.Accepted accepted(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectStatus().isAccepted()
                .expectBody(InvoiceRequestController.Accepted.class).returnResult().getResponseBody();
    }

    private WebTestClient.RequestHeadersSpec<?> post(String dealId, String body, String signature) {
        return http.post().uri(path(dealId)).header(CallSignature.HEADER, signature)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    @Test
    void aSignedRequestForTheWholeDealIsOnKafkaWhenThe202Arrives() {
        String dealId = newId();

        InvoiceRequestController.Accepted answer = accepted(signed(HttpMethod.POST, path(dealId), ""));

        assertThat(answer.status()).isEqualTo("accepted");
        assertThat(answer.statusUrl()).isEqualTo("/api/v1/invoice-requests/" + answer.requestId());
        List<InvoiceRequested> events = published(dealId);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getRequestId()).isEqualTo(answer.requestId());
            assertThat(event.getDealId()).isEqualTo(dealId);
            assertThat(event.getStage()).isNull();
            assertThat(event.getSource()).isEqualTo("crm");
        });
    }

    @Test
    void aBillingStageByPercentageOrFixedAmountIsCarriedAtTheEventsScale() {
        String byPercentage = newId();
        String byAmount = newId();

        accepted(signed(HttpMethod.POST, path(byPercentage),
                "{\"stage\":{\"label\":\"Deposit 30%\",\"percentage\":30},\"requestedBy\":\"jane@zylker.com\"}"));
        accepted(signed(HttpMethod.POST, path(byAmount),
                "{\"stage\":{\"label\":\"Milestone 2\",\"fixedAmount\":\"1500.5\",\"currency\":\"EUR\"}}"));

        InvoiceRequested percentage = published(byPercentage).get(0);
        assertThat(percentage.getStage().getLabel()).isEqualTo("Deposit 30%");
        assertThat(percentage.getStage().getPercentage()).isEqualTo(new BigDecimal("30.0000"));
        assertThat(percentage.getStage().getFixedAmount()).isNull();
        assertThat(percentage.getRequestedBy()).isEqualTo("jane@zylker.com");
        InvoiceRequested amount = published(byAmount).get(0);
        assertThat(amount.getStage().getFixedAmount()).isEqualTo(new BigDecimal("1500.500"));
        assertThat(amount.getStage().getCurrency()).isEqualTo("EUR");
    }

    @Test
    void thePreviousSecretIsStillAcceptedDuringARotation() {
        String dealId = newId();

        accepted(post(dealId, "{}", sign(TestSecrets.CRM_PREVIOUS, Instant.now().getEpochSecond(), HttpMethod.POST,
                path(dealId), "{}")));

        assertThat(published(dealId)).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyAndBodyGetTheSameRequestIdAgain() {
        String dealId = newId();
        String body = "{\"stage\":{\"label\":\"Deposit\",\"percentage\":\"50\"}}";

        String first = accepted(signed(HttpMethod.POST, path(dealId), body).header("Idempotency-Key", "k-1")).requestId();
        String again = http.post().uri(path(dealId)).header(CallSignature.HEADER, signNow(HttpMethod.POST, path(dealId), body))
                .header("Idempotency-Key", "k-1").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(InvoiceRequestController.Accepted.class).returnResult().getResponseBody().requestId();

        assertThat(again).isEqualTo(first);
        assertThat(published(dealId)).extracting(InvoiceRequested::getRequestId).containsOnly(first);
        assertThat(published(dealId)).extracting(InvoiceRequested::getEventId).hasSize(2).containsOnly(
                published(dealId).get(0).getEventId());
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsAConflictAndPublishesNothingMore() {
        String dealId = newId();
        accepted(signed(HttpMethod.POST, path(dealId), "{\"stage\":{\"label\":\"A\",\"percentage\":10}}")
                .header("Idempotency-Key", "k-2"));

        String other = "{\"stage\":{\"label\":\"A\",\"percentage\":20}}";
        http.post().uri(path(dealId)).header(CallSignature.HEADER, signNow(HttpMethod.POST, path(dealId), other)).header("Idempotency-Key", "k-2")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(other)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("Idempotency-Key");

        assertThat(published(dealId)).hasSize(1);
    }

    @Test
    void unsignedForgedExpiredAndTamperedRequestsGet401AndPublishNothing() {
        String dealId = newId();
        String body = "{}";
        long now = Instant.now().getEpochSecond();

        http.post().uri(path(dealId)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(CallSignature.HEADER);
        post(dealId, body, sign("not-the-signing-secret", now, HttpMethod.POST, path(dealId), body)).exchange()
                .expectStatus().isUnauthorized();
        post(dealId, body, sign(TestSecrets.CRM, now - 301, HttpMethod.POST, path(dealId), body)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").value(reason -> assertThat((String) reason).contains("300 s"));
        post(dealId, "{\"stage\":{\"label\":\"x\",\"percentage\":99}}",
                sign(TestSecrets.CRM, now, HttpMethod.POST, path(dealId), body)).exchange()
                .expectStatus().isUnauthorized();
        post(dealId, body, "t=" + now + ",v1=zz").exchange().expectStatus().isUnauthorized();
        post(dealId, body, CallSignature.signV1(TestSecrets.CRM, now, body.getBytes(StandardCharsets.UTF_8))).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").value(reason -> assertThat((String) reason).contains("v1"));

        assertThat(published(dealId)).isEmpty();
    }

    @Test
    void malformedAndInvalidBodiesGet400ProblemsNamingTheFieldAndPublishNothing() {
        String dealId = newId();

        expectInvalid(dealId, "{\"stage\":", "body");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"percentage\":0}}", "stage.percentage");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"percentage\":100.00001}}", "stage.percentage");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"fixedAmount\":-5,\"currency\":\"USD\"}}", "stage.fixedAmount");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"fixedAmount\":\"1.2345\",\"currency\":\"USD\"}}",
                "stage.fixedAmount");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"fixedAmount\":5,\"currency\":\"ABC\"}}", "stage.currency");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"percentage\":5,\"fixedAmount\":5}}", "stage");
        expectInvalid(dealId, "{\"stagee\":{}}", "stagee");
        expectInvalid("12ab", "{}", "dealId");
        // numbers whose exponent overflows an int: valid JSON, no BigDecimal can hold them
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"percentage\":1e2147483648}}", "stage.percentage");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"fixedAmount\":1E+9999999999999,\"currency\":\"USD\"}}",
                "stage.fixedAmount");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"fixedAmount\":1e-2147483649,\"currency\":\"USD\"}}",
                "stage.fixedAmount");
        expectInvalid(dealId, "{\"stage\":{\"label\":\"x\",\"fixedAmount\":1e2147483647,\"currency\":\"USD\"}}",
                "stage.fixedAmount");

        assertThat(published(dealId)).isEmpty();
    }

    @Test
    void aBodyOfAnotherMediaTypeGets415NamingTheHeaderAndPublishesNothing() {
        String dealId = newId();
        String body = "{}";

        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded",
                "application/json;charset=ISO-8859-1"}) {
            http.post().uri(path(dealId)).header(CallSignature.HEADER, signNow(HttpMethod.POST, path(dealId), body))
                    .header("Content-Type", type).bodyValue(body).exchange()
                    .expectStatus().isEqualTo(415)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("Content-Type");
        }
        // UTF-8 JSON, with or without the charset, is what the route reads
        http.post().uri(path(dealId)).header(CallSignature.HEADER, signNow(HttpMethod.POST, path(dealId), body))
                .header("Content-Type", "application/json; charset=UTF-8").bodyValue(body).exchange()
                .expectStatus().isAccepted();

        assertThat(published(dealId)).hasSize(1);
    }

    @Test
    void aBodyOverTheLimitGets413AndPublishesNothing() {
        String dealId = newId();
        String huge = "{\"requestedBy\":\"" + "x".repeat(20_000) + "\"}";

        signed(HttpMethod.POST, path(dealId), huge).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("body");

        assertThat(published(dealId)).isEmpty();
    }

    private void expectInvalid(String dealId, String body, String field) {
        signed(HttpMethod.POST, path(dealId), body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.reason").isNotEmpty();
    }
}
