package io.dealledger.emulator.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.outbound.OutboundDispatcher;
import io.dealledger.emulator.outbound.OutboundMessage;

/**
 * Turns a saved Books change into webhook calls: Books' default payload, the record under its entity
 * key ({@code {"invoice":{…}}}, {@code {"payment":{…}}}, {@code {"creditnote":{…}}}), with the webhook's
 * custom headers and, when it has a secret, {@code X-Zoho-Webhook-Signature} = hex HMAC-SHA256 of the body.
 */
@Component
public class BooksEvents {

    public static final String SIGNATURE_HEADER = "X-Zoho-Webhook-Signature";

    private final java.util.concurrent.atomic.AtomicBoolean muted = new java.util.concurrent.atomic.AtomicBoolean();
    private final BooksWebhookRegistry registry;
    private final OutboundDispatcher dispatcher;

    public BooksEvents(BooksWebhookRegistry registry, OutboundDispatcher dispatcher) {
        this.registry = registry;
        this.dispatcher = dispatcher;
    }

    public void publish(String orgId, String entity, String event, String payloadKey, Map<String, Object> record) {
        if (muted.get()) {
            return;
        }
        String body = JsonBodies.write(Map.of(payloadKey, record));
        for (BooksWebhook webhook : registry.matching(orgId, entity, event)) {
            Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
            if (webhook.secret() != null && !webhook.secret().isEmpty()) {
                headers.put(SIGNATURE_HEADER, hmacHex(webhook.secret(), body));
            }
            dispatcher.send(new OutboundMessage("books_webhook", orgId, orgId, entity, event, webhook.method(),
                    webhook.url(), headers, body));
        }
    }

    /** Runs a change without webhooks: loading the default data set must not notify anyone. */
    public void silently(Runnable change) {
        muted.set(true);
        try {
            change.run();
        } finally {
            muted.set(false);
        }
    }

    static String hmacHex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
