package io.dealledger.emulator.crm;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A top-level CRM error: {@code {"code":"INVALID_MODULE","details":{…},"message":"…","status":"error"}}. */
public class CrmException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> details;

    public CrmException(HttpStatus status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
