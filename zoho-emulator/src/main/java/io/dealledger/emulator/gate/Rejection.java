package io.dealledger.emulator.gate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** An answer the gate gives instead of the endpoint, in the error shape of the API family. */
record Rejection(HttpStatus status, Map<String, Object> body) {

    static Rejection books(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return new Rejection(status, body);
    }

    static Rejection crm(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("details", Map.of());
        body.put("message", message);
        body.put("status", "error");
        return new Rejection(status, body);
    }

    static Rejection of(ApiFamily family, HttpStatus status, int booksCode, String crmCode, String message) {
        return family == ApiFamily.BOOKS ? books(status, booksCode, message) : crm(status, crmCode, message);
    }
}
