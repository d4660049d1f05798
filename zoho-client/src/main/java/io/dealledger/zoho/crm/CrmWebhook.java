package io.dealledger.zoho.crm;

import tools.jackson.databind.JsonNode;

/**
 * A webhook action as CRM lists it ({@code GET /crm/v8/settings/automation/webhooks}; zoho/crm-oas v8.0/webhooks
 * {@code AutomationWebhooksResponse}). The list carries no headers, body or authentication.
 *
 * @param associated whether an active workflow rule, approval process or blueprint runs it
 */
public record CrmWebhook(String id, String name, String module, String url, String httpMethod, String featureType,
                         boolean associated) {

    static CrmWebhook from(JsonNode n) {
        return new CrmWebhook(n.path("id").asString(null), n.path("name").asString(null),
                n.path("module").path("api_name").asString(null), n.path("url").asString(null),
                n.path("http_method").asString(null), n.path("feature_type").asString(null),
                n.path("associated").asBoolean(false));
    }
}
