package io.dealledger.emulator.books;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any Books path the emulator does not serve answers as Zoho does for an unknown URL. */
@RestController
public class BooksFallbackController {

    @RequestMapping("/books/v3/**")
    public ResponseEntity<Map<String, Object>> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", BooksCodes.INVALID_URL, "message", "Invalid URL Passed"));
    }
}
