package io.dealledger.gateway.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.support.Signatures;
import io.dealledger.gateway.support.TestSecrets;

import org.springframework.http.HttpMethod;

/**
 * One hostile request: which public route it aims at, what is wrong with it, and how it authenticates so that it
 * reaches the check it is meant to trip (a signature is made when it is sent, with a new nonce).
 */
record HostileCase(String route, String name, HttpMethod method, String path, Auth auth, Map<String, String> headers,
                   String contentType, byte[] body) {

    /** How a case authenticates. */
    enum Auth {
        NONE, CRM, OPERATOR, BOOKS, CRM_WEBHOOK;

        Map<String, String> headers(HostileCase hostile) {
            String body = new String(hostile.body(), StandardCharsets.UTF_8);
            return switch (this) {
                case NONE -> Map.of();
                // signatures of exactly what is sent: a refusal then comes from the check the case is about
                case CRM -> Map.of(CallSignature.HEADER, Signatures.crm(hostile.method(), hostile.path(), body));
                case OPERATOR -> Map.of(CallSignature.HEADER, Signatures.operator(hostile.method(), hostile.path(), body));
                case BOOKS -> Map.of("X-Dealledger-Webhook-Secret", TestSecrets.BOOKS);
                case CRM_WEBHOOK -> Map.of("X-Dealledger-Crm-Secret", TestSecrets.CRM_WEBHOOK);
            };
        }
    }

    static HostileCase json(String route, HttpMethod method, String path, Auth auth, String body) {
        return new HostileCase(route, route + " " + shorten(body), method, path, auth, Map.of(), "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    static HostileCase bytes(String route, String name, HttpMethod method, String path, Auth auth, String contentType,
                             byte[] body) {
        return new HostileCase(route, route + " " + name, method, path, auth, Map.of(), contentType, body);
    }

    /** A request with no body (a GET, a DELETE, an operator POST). */
    static HostileCase empty(String route, HttpMethod method, String path, Auth auth) {
        return new HostileCase(route, route + " " + method + " " + path, method, path, auth, Map.of(), null, new byte[0]);
    }

    HostileCase withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new HostileCase(route, this.name + " [" + name + ": " + value + "]", method, path, auth, Map.copyOf(more),
                contentType, body);
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
    }
}
