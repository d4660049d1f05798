package io.dealledger.system;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;

/**
 * dealledger's public API as the CRM button, the widget and an operator call it: every call signed (v2) with
 * {@code X-Dealledger-Signature: t=<unix seconds>,n=<nonce>,v2=<hex HMAC-SHA256(secret,
 * t|n|METHOD|path?query|sha256hex(body))>}, a new nonce each time; CRM routes with the CRM signing secret, the
 * operator routes (dead letters, replays) with the operator secret.
 */
final class GatewayClient {

    private final Http http = new Http();
    private final String baseUrl;
    private final String signingSecret;
    private final String operatorSecret;
    /** How long a call that finds no instance able to answer (no connection, a 5xx) is tried again; zero: never. */
    private final Duration patience;

    GatewayClient(String baseUrl, String signingSecret, String operatorSecret) {
        this(baseUrl, signingSecret, operatorSecret, Duration.ZERO);
    }

    private GatewayClient(String baseUrl, String signingSecret, String operatorSecret, Duration patience) {
        this.baseUrl = baseUrl;
        this.signingSecret = signingSecret;
        this.operatorSecret = operatorSecret;
        this.patience = patience;
    }

    /**
     * The same client calling again, newly signed, every 2 s for up to {@code patience} while the call fails for want
     * of a live instance (the connection cut, a 5xx): what a person does when a button or a widget fails while an
     * instance restarts. The system must make the second press harmless (one invoice per deal, one link).
     */
    GatewayClient patient(Duration patience) {
        return new GatewayClient(baseUrl, signingSecret, operatorSecret, patience);
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

    /** A CRM button or widget call. */
    Http.Answer signed(String method, String path, String body) {
        return send(signingSecret, method, path, body);
    }

    /** An operator call: dead letters, replays, backfill, reconciliation. */
    Http.Answer operatorSigned(String method, String path, String body) {
        return send(operatorSecret, method, path, body);
    }

    private Http.Answer send(String secret, String method, String path, String body) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                Http.Answer answer = sendOnce(secret, method, path, body);
                // Java's HttpClient sends a GET again by itself when its connection is cut (the instance killed
                // under it): the other instance rightly refuses the spent nonce, and the person presses again
                boolean replayed = answer.status() == 401 && answer.raw().contains("already used");
                if (answer.status() < 500 && !replayed || System.nanoTime() > deadline) {
                    return answer;
                }
            } catch (IllegalStateException unanswered) {
                if (System.nanoTime() > deadline) {
                    throw unanswered;
                }
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Http.Answer sendOnce(String secret, String method, String path, String body) {
        return http.send(method, baseUrl + path, body.isEmpty() && !method.equals("POST") ? null : body,
                Map.of("Content-Type", "application/json", "X-Dealledger-Signature", signature(secret, method, path, body)));
    }

    static String signature(String secret, String method, String path, String body) {
        long t = System.currentTimeMillis() / 1000;
        String nonce = UUID.randomUUID().toString();
        return "t=" + t + ",n=" + nonce + ",v2=" + hmacHex(secret, t + "|" + nonce + "|" + method + "|" + path + "|"
                + sha256Hex(body));
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

    static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
