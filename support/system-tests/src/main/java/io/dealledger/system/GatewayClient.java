package io.dealledger.system;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;

/**
 * dealledger's public API as the CRM button and widget call it: every call signed with
 * {@code X-Dealledger-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 */
final class GatewayClient {

    private final Http http = new Http();
    private final String baseUrl;
    private final String signingSecret;

    GatewayClient(String baseUrl, String signingSecret) {
        this.baseUrl = baseUrl;
        this.signingSecret = signingSecret;
    }

    /** Asks for an invoice of the whole deal, or of a stage ({"label":..,"percentage":..}); answers the request id. */
    String requestInvoice(String dealId, String stageJson) {
        String body = stageJson == null ? "{}" : "{\"stage\":" + stageJson + "}";
        return signed("POST", "/api/v1/deals/" + dealId + "/invoice-requests", body).expect(202)
                .body().path("requestId").asString();
    }

    /** Waits (long-poll) for the request's outcome: {"status":"issued","invoiceId":..} or rejected with reasons. */
    JsonNode requestOutcome(String requestId) {
        return signed("GET", "/api/v1/invoice-requests/" + requestId + "?waitSeconds=20", "").body();
    }

    void linkInvoice(String dealId, String organizationId, String invoiceId) {
        signed("POST", "/api/v1/deals/" + dealId + "/invoice-links",
                "{\"invoiceId\":\"" + invoiceId + "\",\"organizationId\":\"" + organizationId + "\"}").expect(202);
    }

    Http.Answer ledger(String dealId) {
        return signed("GET", "/api/v1/deals/" + dealId + "/ledger", "");
    }

    Http.Answer signed(String method, String path, String body) {
        long now = System.currentTimeMillis() / 1000;
        String signature = "t=" + now + ",v1=" + hmacHex(signingSecret, now + "." + body);
        return http.send(method, baseUrl + path, body.isEmpty() && !method.equals("POST") ? null : body,
                Map.of("Content-Type", "application/json", "X-Dealledger-Signature", signature));
    }

    static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
