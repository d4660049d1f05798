package io.dealledger.emulator.crm;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.dealledger.emulator.json.MalformedBodyException;

/** CRM failures leave in CRM's error envelope. */
@RestControllerAdvice(basePackages = "io.dealledger.emulator.crm")
public class CrmErrorAdvice {

    @ExceptionHandler(CrmException.class)
    public ResponseEntity<Map<String, Object>> crm(CrmException e) {
        return ResponseEntity.status(e.status()).body(body(e.code(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(MalformedBodyException.class)
    public ResponseEntity<Map<String, Object>> malformed(MalformedBodyException e) {
        return ResponseEntity.badRequest().body(body("INVALID_DATA", "body", Map.of()));
    }

    static Map<String, Object> body(String code, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("details", details);
        body.put("message", message);
        body.put("status", "error");
        return body;
    }
}
