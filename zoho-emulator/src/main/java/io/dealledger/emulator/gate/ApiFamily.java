package io.dealledger.emulator.gate;

/** Which of Zoho's services a path belongs to; each has its own auth scheme and error shape. */
public enum ApiFamily {
    OAUTH, BOOKS, CRM, CLIQ, OTHER;

    public static ApiFamily of(String path) {
        if (path.startsWith("/oauth/")) {
            return OAUTH;
        }
        if (path.startsWith("/books/v3/") || path.equals("/books/v3")) {
            return BOOKS;
        }
        // v8 only for what CRM publishes there alone (settings/automation/webhooks)
        if (path.startsWith("/crm/v7/") || path.equals("/crm/v7") || path.startsWith("/crm/v8/")) {
            return CRM;
        }
        if (path.startsWith("/api/v2/") || path.startsWith("/company/")) {
            return CLIQ;
        }
        return OTHER;
    }

    public String scope() {
        return name().toLowerCase();
    }
}
