package io.dealledger.schemas.topics;

/** The four dealledger services; each topic has exactly one of them as its writer. */
public enum Service {
    GATEWAY("gateway"),
    INVOICE_SERVICE("invoice-service"),
    PAYMENT_SERVICE("payment-service"),
    LEDGER_PROJECTION_SERVICE("ledger-projection-service");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    /** The service's name as used in consumer group ids, dead-letter topic names and event sources. */
    public String id() {
        return id;
    }
}
