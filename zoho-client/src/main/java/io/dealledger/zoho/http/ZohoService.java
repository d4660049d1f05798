package io.dealledger.zoho.http;

/** Which Zoho product a call goes to; a metric label and the shape of its errors. */
public enum ZohoService {
    ACCOUNTS("accounts"), BOOKS("books"), CRM("crm"), CLIQ("cliq");

    private final String label;

    ZohoService(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
