package io.dealledger.emulator.outbound;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.dealledger.emulator.json.JsonBodies;

/** What became of one outbound call, for inspection. Mutable only by the dispatcher. */
public final class Delivery {

    public enum Outcome { PENDING, HELD, DELIVERED, REJECTED, FAILED, DROPPED }

    /**
     * Headers whose values are credentials: shown as {@code ****}, since {@code GET /_emulator/deliveries} answers
     * anyone (a signature, an HMAC of the body, is not one and stays visible).
     */
    private static final Pattern SECRET_HEADER = Pattern.compile(".*(secret|token|authorization|api-?key|password).*");

    private final long deliveryId;
    private final OutboundMessage message;
    private final String createdAt;
    private final boolean duplicate;
    private final boolean delayed;
    private final boolean reordered;
    private volatile Outcome outcome = Outcome.PENDING;
    private volatile Integer statusCode;
    private volatile String error;
    private volatile String sentAt;

    Delivery(long deliveryId, OutboundMessage message, String createdAt, boolean duplicate, boolean delayed, boolean reordered) {
        this.deliveryId = deliveryId;
        this.message = message;
        this.createdAt = createdAt;
        this.duplicate = duplicate;
        this.delayed = delayed;
        this.reordered = reordered;
    }

    void finish(Outcome finalOutcome, Integer status, String failure, String at) {
        this.statusCode = status;
        this.error = failure;
        this.sentAt = at;
        this.outcome = finalOutcome;
    }

    void mark(Outcome newOutcome) {
        this.outcome = newOutcome;
    }

    public OutboundMessage message() {
        return message;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("delivery_id", deliveryId);
        json.put("kind", message.kind());
        json.put("organization_id", message.organizationId());
        json.put("entity", message.entity());
        json.put("event", message.event());
        json.put("method", message.method());
        json.put("url", message.url());
        json.put("headers", redacted(message.headers()));
        json.put("outcome", outcome.name());
        json.put("status_code", statusCode);
        json.put("error", error);
        json.put("duplicate", duplicate);
        json.put("delayed", delayed);
        json.put("reordered", reordered);
        json.put("created_at", createdAt);
        json.put("sent_at", sentAt);
        json.put("body", parsed(message.body()));
        return json;
    }

    static Map<String, String> redacted(Map<String, String> headers) {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((name, value) -> shown.put(name,
                SECRET_HEADER.matcher(name.toLowerCase(Locale.ROOT)).matches() ? "****" : value));
        return shown;
    }

    private static Object parsed(String body) {
        try {
            return JsonBodies.parse(body).asMap();
        } catch (RuntimeException e) {
            return body;
        }
    }
}
