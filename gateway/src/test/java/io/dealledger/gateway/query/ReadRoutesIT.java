package io.dealledger.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.dealledger.gateway.support.GatewayIT;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Read routes before ledger-projection-service serves them, the OpenAPI description and the metrics. */
class ReadRoutesIT extends GatewayIT {

    @LocalManagementPort
    int managementPort;

    @Test
    void signedReadsAnswer503ProblemsWhileTheLedgerServiceIsNotConfigured() {
        for (String path : new String[] {"/api/v1/deals/" + newId() + "/ledger",
                "/api/v1/deals/" + newId() + "/invoice-candidates", "/api/v1/invoice-requests/" + UUID.randomUUID()}) {
            signed(HttpMethod.GET, path, "").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail ->
                            assertThat((String) detail).contains("DEALLEDGER_LEDGER_URL"));
        }
    }

    @Test
    void signedAccountLedgerReadsAndInvoicePreviewsAnswer503ProblemsWhileTheirServiceIsNotConfigured() {
        signed(HttpMethod.GET, "/api/v1/accounts/" + newId() + "/ledger", "").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("DEALLEDGER_LEDGER_URL"));
        signed(HttpMethod.POST, "/api/v1/deals/" + newId() + "/invoice-previews",
                "{\"stage\":{\"label\":\"Deposit\",\"percentage\":30}}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("DEALLEDGER_INVOICE_SERVICE_URL"));
    }

    @Test
    void unsignedReadsGet401() {
        http.get().uri("/api/v1/deals/" + newId() + "/ledger").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/accounts/" + newId() + "/ledger").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("X-Dealledger-Signature");
        http.post().uri("/api/v1/deals/" + newId() + "/invoice-previews").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badIdsAndPreviewBodiesAre400ProblemsNamingTheField() {
        signed(HttpMethod.GET, "/api/v1/accounts/acme/ledger", "").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("accountId");
        signed(HttpMethod.POST, "/api/v1/deals/" + newId() + "/invoice-previews",
                "{\"stage\":{\"label\":\"x\",\"fixedAmount\":5}}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("stage.currency");
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        http.get().uri("/api/v1/openapi.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).value(yaml -> assertThat(yaml)
                        .contains("openapi: 3.1.0", "/api/v1/deals/{dealId}/invoice-requests", "/webhooks/books/{organizationId}",
                                "/api/v1/accounts/{accountId}/ledger", "/api/v1/deals/{dealId}/invoice-previews",
                                "/api/v1/dead-letters/replays", "/api/v1/backfill/organizations/{organizationId}",
                                "/api/v1/reconciliations", "operatorSignature", "n=<nonce>,v2="));
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        http.get().uri("/api/v1/nothing-here").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void scrapesOfTheManagementPortAreNotCountedAsGatewayRequests() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        String before = scrape(management);

        scrape(management);
        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        String after = scrape(management);

        assertThat(counted(after, "accepted", "other")).isEqualTo(counted(before, "accepted", "other"));
    }

    private static String scrape(WebTestClient management) {
        return management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The value of dealledger_gateway_requests_total{outcome,route}, 0 when the series does not exist. */
    private static double counted(String metrics, String outcome, String route) {
        java.util.regex.Matcher series = java.util.regex.Pattern.compile("dealledger_gateway_requests_total\\{[^}]*outcome=\""
                + outcome + "\",route=\"" + route + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return series.find() ? Double.parseDouble(series.group(1)) : 0;
    }

    @Test
    void requestsAreCountedByRouteAndOutcomeAndPublishLatencyIsTimed() {
        signed(HttpMethod.POST, "/api/v1/deals/" + newId() + "/invoice-requests", "").exchange().expectStatus().isAccepted();
        http.post().uri("/api/v1/deals/" + newId() + "/invoice-requests").exchange().expectStatus().isUnauthorized();

        String metrics = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .containsPattern("dealledger_gateway_requests_total\\{[^}]*outcome=\"accepted\",route=\"invoice_request\"")
                .containsPattern("dealledger_gateway_requests_total\\{[^}]*outcome=\"unauthorized\",route=\"invoice_request\"")
                .containsPattern("dealledger_gateway_publish_seconds_count\\{[^}]*outcome=\"acknowledged\"");
    }
}
