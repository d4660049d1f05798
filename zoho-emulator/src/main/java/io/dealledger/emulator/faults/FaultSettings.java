package io.dealledger.emulator.faults;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dealledger.emulator.json.JsonBody;

/**
 * Faults injected for one scope. API faults hit incoming calls (checked after authentication and limits);
 * webhook faults hit outgoing Books webhooks and CRM notifications.
 */
public record FaultSettings(
        double error429Probability,
        double error5xxProbability,
        double timeoutProbability,
        long latencyMillis,
        long timeoutMillis,
        double webhookDropProbability,
        double webhookDuplicateProbability,
        double webhookDelayProbability,
        long webhookDelayMillis,
        double webhookReorderProbability) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, 30_000, 0, 0, 0, 1_000, 0);

    public FaultSettings patched(JsonBody patch) {
        return new FaultSettings(
                probability(patch, "error_429_probability", error429Probability),
                probability(patch, "error_5xx_probability", error5xxProbability),
                probability(patch, "timeout_probability", timeoutProbability),
                millis(patch, "latency_millis", latencyMillis),
                millis(patch, "timeout_millis", timeoutMillis),
                probability(patch, "webhook_drop_probability", webhookDropProbability),
                probability(patch, "webhook_duplicate_probability", webhookDuplicateProbability),
                probability(patch, "webhook_delay_probability", webhookDelayProbability),
                millis(patch, "webhook_delay_millis", webhookDelayMillis),
                probability(patch, "webhook_reorder_probability", webhookReorderProbability));
    }

    private static double probability(JsonBody patch, String key, double fallback) {
        if (!patch.has(key)) {
            return fallback;
        }
        double value = patch.decimal(key).doubleValue();
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(key + " must be between 0 and 1");
        }
        return value;
    }

    private static long millis(JsonBody patch, String key, long fallback) {
        if (!patch.has(key)) {
            return fallback;
        }
        long value = patch.decimal(key).longValueExact();
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative");
        }
        return value;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error_429_probability", error429Probability);
        json.put("error_5xx_probability", error5xxProbability);
        json.put("timeout_probability", timeoutProbability);
        json.put("latency_millis", latencyMillis);
        json.put("timeout_millis", timeoutMillis);
        json.put("webhook_drop_probability", webhookDropProbability);
        json.put("webhook_duplicate_probability", webhookDuplicateProbability);
        json.put("webhook_delay_probability", webhookDelayProbability);
        json.put("webhook_delay_millis", webhookDelayMillis);
        json.put("webhook_reorder_probability", webhookReorderProbability);
        return json;
    }
}
