package io.dealledger.zoho.http;

/** Zoho did not answer within the call timeout; retried with back-off like a 5xx. */
public class ZohoTimeoutException extends RuntimeException {

    private final ZohoService service;

    public ZohoTimeoutException(ZohoService service, String endpoint, Throwable cause) {
        super(service.label() + " " + endpoint + " did not answer in time", cause);
        this.service = service;
    }

    /** The Zoho product that did not answer. */
    public ZohoService service() {
        return service;
    }
}
