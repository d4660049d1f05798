package io.dealledger.gateway.invoicelink;

import java.util.Set;

import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;

/**
 * A widget's request to tie an existing Books invoice to a deal:
 * {@code {"invoiceId": "460000000003001", "organizationId": "10234695", "requestedBy": "jane@zylker.com"}};
 * without {@code organizationId} the configured default organization applies.
 */
public record LinkRequestBody(String invoiceId, String organizationId, String requestedBy) {

    private static final Set<String> FIELDS = Set.of("invoiceId", "organizationId", "requestedBy");

    public static LinkRequestBody parse(byte[] body, String defaultOrganizationId) {
        Fields fields = Fields.of(JsonBodies.object(body), "").allowOnly(FIELDS);
        String invoiceId = fields.requiredId("invoiceId");
        String organizationId = organization(fields.id("organizationId"), defaultOrganizationId);
        return new LinkRequestBody(invoiceId, organizationId, fields.text("requestedBy", 200));
    }

    /** The organization named by the caller, else the configured default; a 400 when there is neither. */
    static String organization(String given, String defaultOrganizationId) {
        if (given != null) {
            return given;
        }
        if (defaultOrganizationId == null) {
            throw Refusal.invalid("organizationId", "is required: this gateway has no default Books organization");
        }
        return defaultOrganizationId;
    }

    String fingerprint() {
        return invoiceId + '|' + organizationId + '|' + requestedBy;
    }
}
