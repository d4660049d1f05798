package io.dealledger.schemas.failures;

import java.util.Arrays;

/**
 * What kind of failure a person is looking at, so it reaches whoever can fix it: a tax or organization
 * mapping is the integrator's, a SKU or a missing account is the sales team's, Books down is nobody's but
 * time's. Carried by rejections, link refusals and dead letters, the deal's {@code Invoice_Error}, the
 * {@code dealledger_sync_failures_total} metric and its Grafana panel. The names are a contract.
 */
public enum FailureCategory {
    MISSING_TAX_MAPPING("Missing tax mapping"),
    MISSING_ORG_MAPPING("Missing Books organization mapping"),
    UNKNOWN_SKU("Unknown or ambiguous SKU"),
    DEAL_WITHOUT_ACCOUNT("Deal without account"),
    CRM_RECORD_MISSING("CRM record missing"),
    CRM_FIELD_MISSING("CRM field missing"),
    INVALID_REQUEST("Invoice request not valid for the deal"),
    BOOKS_VALIDATION("Books validation error"),
    BOOKS_UNAVAILABLE("Books unavailable"),
    /** The organization's Books calls for the day are spent; what waits resumes after its midnight. */
    BOOKS_DAILY_LIMIT("Books daily API limit reached"),
    CRM_UNAVAILABLE("CRM unavailable"),
    ZOHO_AUTHORIZATION("Zoho authorization failed"),
    LINK_REFUSED("Invoice link refused"),
    UNREADABLE_EVENT("Unreadable event"),
    INTERNAL("Unexpected error");

    /** The Kafka header a dead letter carries its category in, beside {@code dealledger-dlt-reason}. */
    public static final String HEADER = "dealledger-dlt-category";

    private final String label;

    FailureCategory(String label) {
        this.label = label;
    }

    /** How a person reads it, e.g. "Missing tax mapping". */
    public String label() {
        return label;
    }

    /** The category named {@code name}; a name this build does not know (written by a newer one) is INTERNAL. */
    public static FailureCategory parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst().orElse(INTERNAL);
    }

    /** An exception that knows its category; dead-letter handlers look for one along the cause chain. */
    public interface Carrier {
        FailureCategory category();
    }

    /** The category carried along {@code failure}'s cause chain, or {@code fallback}. */
    public static FailureCategory carriedBy(Throwable failure, FailureCategory fallback) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Carrier carrier) {
                return carrier.category();
            }
        }
        return fallback;
    }
}
