package io.dealledger.zoho.http;

import tools.jackson.databind.JsonNode;

/**
 * Zoho answered with an error. Carries what Zoho said — its code (Books: numeric, CRM: e.g. INVALID_DATA),
 * its message and the field it named, if any — and whether trying again can help.
 */
public class ZohoApiException extends RuntimeException {

    private final ZohoService service;
    private final int httpStatus;
    private final String code;
    private final String zohoMessage;
    private final String field;
    private final boolean retryable;
    private final transient JsonNode body;

    public ZohoApiException(ZohoService service, String endpoint, int httpStatus, String code, String zohoMessage,
                            String field, boolean retryable, JsonNode body) {
        super(service.label() + " " + endpoint + " answered " + httpStatus + " code " + code + ": " + zohoMessage
                + (field == null ? "" : " (field " + field + ")"));
        this.service = service;
        this.httpStatus = httpStatus;
        this.code = code;
        this.zohoMessage = zohoMessage;
        this.field = field;
        this.retryable = retryable;
        this.body = body;
    }

    /** Zoho's answer as it came (e.g. CRM's per-record data[] when every record of an update failed). */
    public JsonNode body() {
        return body;
    }

    public ZohoService service() {
        return service;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Zoho's error code as it sent it ("1002", "24016", "INVALID_DATA", ...). */
    public String code() {
        return code;
    }

    public String zohoMessage() {
        return zohoMessage;
    }

    /** The field Zoho named (CRM api_name, or the field a Books message names), or null. */
    public String field() {
        return field;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Zoho's "not found": Books code 1002, CRM INVALID_DATA for an unknown id, or a plain 404. */
    public boolean notFound() {
        return httpStatus == 404 || "1002".equals(code);
    }
}
