package io.dealledger.emulator.admin;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.dealledger.emulator.json.MalformedBodyException;

/** Admin API errors: 400 with {@code {"error":"…"}}. */
@RestControllerAdvice(basePackages = "io.dealledger.emulator.admin")
public class AdminErrorAdvice {

    @ExceptionHandler({IllegalArgumentException.class, MalformedBodyException.class, ArithmeticException.class})
    public ResponseEntity<Map<String, Object>> invalid(RuntimeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
