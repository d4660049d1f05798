package io.dealledger.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.dealledger.gateway.auth.CallSignature;

import org.springframework.http.HttpMethod;

/** v2 signature headers as the Deluge functions make them: a new nonce per call, signed now unless told. */
public final class Signatures {

    private Signatures() {
    }

    /** The header for {@code method path} with {@code body}, signed at {@code epochSeconds} with a new nonce. */
    public static String sign(String secret, long epochSeconds, HttpMethod method, String path, String body) {
        return CallSignature.sign(secret, epochSeconds, UUID.randomUUID().toString(), method.name(), path,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A CRM call's header, signed now with the current CRM secret. */
    public static String crm(HttpMethod method, String path, String body) {
        return sign(TestSecrets.CRM, Instant.now().getEpochSecond(), method, path, body);
    }

    /** An operator call's header, signed now with the current operator secret. */
    public static String operator(HttpMethod method, String path, String body) {
        return sign(TestSecrets.OPERATOR, Instant.now().getEpochSecond(), method, path, body);
    }
}
