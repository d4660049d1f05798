package io.dealledger.emulator.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Books workflow webhook: on the given events of its entity ({@code invoice}, {@code customerpayment},
 * {@code creditnote}; empty events = all of them) POST the default payload to {@code url} with the
 * custom headers. An entity of {@code all} (configured webhooks) matches every entity.
 */
public record BooksWebhook(String webhookId, String organizationId, String webhookName, String entity, String method,
        String url, Map<String, String> headers, List<String> events, String secret) {

    public static final String ALL = "all";

    boolean matches(String eventEntity, String event) {
        return (entity.equals(ALL) || entity.equals(eventEntity)) && (events.isEmpty() || events.contains(event));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("webhook_id", webhookId);
        json.put("webhook_name", webhookName);
        json.put("entity", entity);
        json.put("method", method);
        json.put("url", url);
        List<Map<String, Object>> headerRows = new ArrayList<>();
        headers.forEach((name, value) -> headerRows.add(Map.of("param_name", name, "param_value", value)));
        json.put("headers", headerRows);
        json.put("events", events);
        json.put("body_type", "application/json");
        json.put("is_new_response_format", true);
        return json;
    }
}
