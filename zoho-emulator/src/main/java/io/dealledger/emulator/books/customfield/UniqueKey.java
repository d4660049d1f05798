package io.dealledger.emulator.books.customfield;

import org.springframework.http.HttpHeaders;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;

/**
 * The {@code X-Unique-Identifier-Key}/{@code -Value} headers of {@code PUT /invoices|/contacts|/items},
 * with {@code X-Upsert: true} asking to create when nothing matches.
 */
public record UniqueKey(String apiName, String value, boolean upsert) {

    public static UniqueKey from(HttpHeaders headers) {
        String key = headers.getFirst("X-Unique-Identifier-Key");
        String value = headers.getFirst("X-Unique-Identifier-Value");
        if (key == null || key.isBlank()) {
            throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The header X-Unique-Identifier-Key is mandatory.");
        }
        if (value == null || value.isBlank()) {
            throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The header X-Unique-Identifier-Value is mandatory.");
        }
        return new UniqueKey(key.strip(), value.strip(), "true".equalsIgnoreCase(headers.getFirst("X-Upsert")));
    }
}
