package io.dealledger.gateway.support;

/** The secrets and ids the shared test context is configured with. */
public final class TestSecrets {

    public static final String CRM = "crm-signing-secret-current";
    public static final String CRM_PREVIOUS = "crm-signing-secret-previous";
    public static final String OPERATOR = "operator-signing-secret-current";
    public static final String OPERATOR_PREVIOUS = "operator-signing-secret-previous";
    public static final String ORG = "10234695";
    public static final String BOOKS = "books-webhook-secret-10234695";
    public static final String BOOKS_PREVIOUS = "books-webhook-secret-old";
    public static final String OTHER_ORG = "20000002";
    public static final String OTHER_BOOKS = "books-webhook-secret-20000002";
    public static final String CRM_WEBHOOK = "crm-workflow-webhook-secret";
    public static final String NOTIFICATION_TOKEN = "deals.all.notif.token";
    public static final String CHANNEL_ID = "1000000068001";

    private TestSecrets() {
    }
}
