package io.dealledger.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.dealledger.gateway.GatewayApplication;
import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.support.Signatures;
import io.dealledger.gateway.support.TestSecrets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no broker reachable, an otherwise valid request is answered 503 (so Zoho retries), never 2xx. Its own
 * small context points at a closed port with short producer timeouts. It is closed after the class: left in Spring's
 * context cache, its Kafka clients went on re-bootstrapping against the closed port in a tight loop (thousands of
 * log lines a second) while the next classes ran, and a fresh clone's run saw the next class's first send wait out
 * its metadata.
 */
@DirtiesContext
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "management.server.port=0",
                "spring.kafka.bootstrap-servers=127.0.0.1:1",
                "spring.kafka.admin.auto-create=false",
                "spring.kafka.producer.properties.max.block.ms=1000",
                "spring.kafka.producer.properties.request.timeout.ms=1000",
                "spring.kafka.producer.properties.delivery.timeout.ms=1500",
                "dealledger.gateway.publish-timeout=3s",
                "dealledger.gateway.dead-letter-timeout=1s",
                "dealledger.gateway.auth.crm.secrets=" + TestSecrets.CRM,
                "dealledger.gateway.auth.operator.secrets=" + TestSecrets.OPERATOR,
                "dealledger.gateway.auth.books.organizations." + TestSecrets.ORG + "=" + TestSecrets.BOOKS,
                "dealledger.gateway.auth.crm-webhook.secrets=" + TestSecrets.CRM_WEBHOOK})
class KafkaDownIT {

    @LocalServerPort
    int port;

    @Test
    void anAcceptedRequestThatCannotBeStoredIsA503AndItsIdempotencyKeyIsFreedForTheRetry() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
        String body = "{\"stage\":{\"label\":\"Deposit\",\"percentage\":30}}";
        String other = "{\"stage\":{\"label\":\"Deposit\",\"percentage\":40}}";

        post(http, body).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After");
        // the failed request was not remembered (its nonce could not be recorded either, so it went no further):
        // a different body under the same key is not a conflict
        post(http, other).exchange().expectStatus().isEqualTo(503);

        http.post().uri("/webhooks/books/" + TestSecrets.ORG).header("X-Dealledger-Webhook-Secret", TestSecrets.BOOKS)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"invoice\":{\"invoice_id\":\"460000000003001\"}}")
                .exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void deadLettersCannotBeListedOrReplayedWithoutABrokerAndSaySo() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
        String replay = "{\"service\":\"invoice-service\"}";

        http.get().uri("/api/v1/dead-letters")
                .header(CallSignature.HEADER, Signatures.operator(HttpMethod.GET, "/api/v1/dead-letters", ""))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Kafka"));
        http.post().uri("/api/v1/dead-letters/replays")
                .header(CallSignature.HEADER, Signatures.operator(HttpMethod.POST, "/api/v1/dead-letters/replays",
                        replay))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(replay).exchange()
                .expectStatus().isEqualTo(503);
    }

    private static WebTestClient.RequestHeadersSpec<?> post(WebTestClient http, String body) {
        String path = "/api/v1/deals/460000000000001/invoice-requests";
        return http.post().uri(path)
                .header(CallSignature.HEADER, Signatures.crm(HttpMethod.POST, path, body))
                .header("Idempotency-Key", "kafka-down-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
