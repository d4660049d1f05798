package io.dealledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.schemas.topics.Topics;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * What an attacker who saw one signed call could do with its header (issue 19, "What was seen"): nothing. It
 * works on no other route, deal or body, not twice on its own route, and the CRM secret opens no operator route.
 */
class SignedCallsIT extends GatewayIT {

    private int status(HttpMethod method, String path, String body, String header) {
        return send(method, path, body, header).exchange().expectBody().returnResult().getStatus().value();
    }

    @Test
    void aCapturedWidgetReadHeaderIsRefusedOnEveryOtherRoute() {
        // Given the header of one widget read of deal A's ledger (empty body)
        String dealA = newId();
        String dealB = newId();
        String invoice = newId();
        String header = signNow(HttpMethod.GET, "/api/v1/deals/" + dealA + "/ledger", "");

        // When it is sent, within the window, on every other signed route, other deals and another query
        List<Integer> statuses = List.of(
                status(HttpMethod.DELETE, "/api/v1/deals/" + dealB + "/invoice-links/" + invoice, "", header),
                status(HttpMethod.DELETE, "/api/v1/deals/" + dealA + "/invoice-links/" + invoice, "", header),
                status(HttpMethod.POST, "/api/v1/deals/" + dealA + "/invoice-links", "{\"invoiceId\":\"" + invoice + "\"}",
                        header),
                status(HttpMethod.GET, "/api/v1/dead-letters", "", header),
                status(HttpMethod.GET, "/api/v1/deals/" + dealB + "/ledger", "", header),
                status(HttpMethod.GET, "/api/v1/accounts/" + newId() + "/ledger", "", header),
                status(HttpMethod.GET, "/api/v1/deals/" + dealB + "/invoice-candidates", "", header),
                status(HttpMethod.GET, "/api/v1/deals/" + dealA + "/invoice-candidates", "", header),
                status(HttpMethod.GET, "/api/v1/deals/" + dealA + "/ledger?asOf=2020-01-01", "", header),
                status(HttpMethod.GET, "/api/v1/invoice-requests/0b9d3c52-8a3e-4b1e-9f0a-2d6c1e7f4a10", "", header),
                status(HttpMethod.POST, "/api/v1/deals/" + dealB + "/invoice-requests", "", header),
                status(HttpMethod.POST, "/api/v1/deals/" + dealB + "/invoice-previews", "", header),
                status(HttpMethod.POST, "/api/v1/dead-letters/replays", "{\"service\":\"invoice-service\"}", header),
                status(HttpMethod.POST, "/api/v1/backfill/organizations/10234695", "", header),
                status(HttpMethod.GET, "/api/v1/backfill/organizations/10234695", "", header),
                status(HttpMethod.POST, "/api/v1/reconciliations", "", header));

        // Then every one is refused, and no link, unlink or invoice request was published
        assertThat(statuses).containsOnly(401);
        assertThat(recordsWithKey(Topics.INVOICE_LINKS, invoice)).isEmpty();
        assertThat(recordsWithKey(Topics.INVOICE_REQUESTS, dealB)).isEmpty();
    }

    @Test
    void aPreviewSignatureCreatesNoInvoice() {
        // Given the header of a preview (body {}) of deal A
        String dealA = newId();
        String dealB = newId();
        String header = signNow(HttpMethod.POST, "/api/v1/deals/" + dealA + "/invoice-previews", "{}");

        // When it is reused to ask for an invoice of deal B, or of deal A itself
        send(HttpMethod.POST, "/api/v1/deals/" + dealB + "/invoice-requests", "{}", header).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(CallSignature.HEADER);
        send(HttpMethod.POST, "/api/v1/deals/" + dealA + "/invoice-requests", "{}", header).exchange()
                .expectStatus().isUnauthorized();

        // Then no invoice was asked for
        assertThat(recordsWithKey(Topics.INVOICE_REQUESTS, dealA)).isEmpty();
        assertThat(recordsWithKey(Topics.INVOICE_REQUESTS, dealB)).isEmpty();
    }

    @Test
    void theSameHeaderSentSixTimesIsAcceptedOnce() {
        // Given one signed invoice request
        String deal = newId();
        String path = "/api/v1/deals/" + deal + "/invoice-requests";
        String header = signNow(HttpMethod.POST, path, "{}");

        // When the same header and body are sent six times
        List<Integer> statuses = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var result = send(HttpMethod.POST, path, "{}", header).exchange().expectBody(String.class).returnResult();
            statuses.add(result.getStatus().value());
            reasons.add(result.getResponseBody());
        }

        // Then the first is accepted, the five replays are refused, and one request is on Kafka
        assertThat(statuses).containsExactly(202, 401, 401, 401, 401, 401);
        assertThat(reasons.get(5)).contains("already used");
        assertThat(recordsWithKey(Topics.INVOICE_REQUESTS, deal)).hasSize(1);
    }

    @Test
    void aReplayedReadIsRefusedToo() {
        String path = "/api/v1/deals/" + newId() + "/ledger";
        String header = signNow(HttpMethod.GET, path, "");

        // the first read passes authentication (and gets the 503 of a ledger service not configured here)
        assertThat(status(HttpMethod.GET, path, "", header)).isEqualTo(503);
        assertThat(status(HttpMethod.GET, path, "", header)).isEqualTo(401);
    }

    @Test
    void operatorRoutesRefuseTheCrmSecretAndCrmRoutesRefuseTheOperatorSecret() {
        String org = "10234695";
        List<Integer> withCrmSecret = List.of(
                signed(HttpMethod.GET, "/api/v1/dead-letters", "").exchange().expectBody().returnResult().getStatus().value(),
                signed(HttpMethod.POST, "/api/v1/dead-letters/replays", "{\"service\":\"invoice-service\"}").exchange()
                        .expectBody().returnResult().getStatus().value(),
                signed(HttpMethod.POST, "/api/v1/backfill/organizations/" + org, "").exchange().expectBody()
                        .returnResult().getStatus().value(),
                signed(HttpMethod.GET, "/api/v1/backfill/organizations/" + org, "").exchange().expectBody()
                        .returnResult().getStatus().value(),
                signed(HttpMethod.POST, "/api/v1/reconciliations?rewrite=true", "").exchange().expectBody()
                        .returnResult().getStatus().value());
        assertThat(withCrmSecret).containsOnly(401);

        String deal = newId();
        operatorSigned(HttpMethod.POST, "/api/v1/deals/" + deal + "/invoice-requests", "{}").exchange()
                .expectStatus().isUnauthorized();
        operatorSigned(HttpMethod.GET, "/api/v1/deals/" + deal + "/ledger", "").exchange()
                .expectStatus().isUnauthorized();
        assertThat(recordsWithKey(Topics.INVOICE_REQUESTS, deal)).isEmpty();

        // the operator secret does open them: here payment-service and the ledger are not configured, so 503
        operatorSigned(HttpMethod.POST, "/api/v1/backfill/organizations/" + org, "").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("DEALLEDGER_PAYMENT_SERVICE_URL"));
        operatorSigned(HttpMethod.POST, "/api/v1/reconciliations", "").exchange().expectStatus().isEqualTo(503);
    }
}
