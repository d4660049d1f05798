package io.dealledger.emulator.outbound;

import java.util.Map;

/**
 * One HTTP call the emulator makes to a client: a Books webhook or a CRM notification. {@code faultScope}
 * picks the webhook faults that apply (a Books org id, or "crm").
 */
public record OutboundMessage(String kind, String faultScope, String organizationId, String entity, String event,
        String method, String url, Map<String, String> headers, String body) {
}
