package io.dealledger.emulator.books;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.dealledger.emulator.json.MalformedBodyException;

/** Every Books failure leaves as Books' {@code {"code":n,"message":"…"}} envelope. */
@RestControllerAdvice(basePackages = {"io.dealledger.emulator.books", "io.dealledger.emulator.webhooks"})
public class BooksErrorAdvice {

    @ExceptionHandler(BooksException.class)
    public ResponseEntity<Map<String, Object>> books(BooksException e) {
        return ResponseEntity.status(e.status()).body(body(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MalformedBodyException.class)
    public ResponseEntity<Map<String, Object>> malformed(MalformedBodyException e) {
        return ResponseEntity.badRequest().body(body(BooksCodes.INVALID_VALUE, "Invalid value passed for JSONString. " + e.getMessage()));
    }

    @ExceptionHandler(NumberFormatException.class)
    public ResponseEntity<Map<String, Object>> number(NumberFormatException e) {
        return ResponseEntity.badRequest().body(body(BooksCodes.INVALID_VALUE, "Invalid value passed for a number field."));
    }

    @ExceptionHandler(ArithmeticException.class)
    public ResponseEntity<Map<String, Object>> arithmetic(ArithmeticException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body(BooksCodes.INVALID_VALUE, "Invalid value passed for an amount."));
    }

    private static Map<String, Object> body(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }
}
