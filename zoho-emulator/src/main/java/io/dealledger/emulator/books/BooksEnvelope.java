package io.dealledger.emulator.books;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Books' success envelope: {@code code} 0, a {@code message} and the record under its resource key. */
public final class BooksEnvelope {

    private BooksEnvelope() {
    }

    public static Map<String, Object> body(String message, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", BooksCodes.SUCCESS);
        body.put("message", message);
        if (key != null) {
            body.put(key, value);
        }
        return body;
    }

    public static ResponseEntity<Map<String, Object>> ok(String message, String key, Object value) {
        return ResponseEntity.ok(body(message, key, value));
    }

    public static ResponseEntity<Map<String, Object>> created(String message, String key, Object value) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body(message, key, value));
    }

    public static ResponseEntity<Map<String, Object>> message(String message) {
        return ResponseEntity.ok(body(message, null, null));
    }
}
