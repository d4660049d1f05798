package io.dealledger.emulator.books;

import org.springframework.http.HttpStatus;

/** A Books error answer: HTTP status plus Books' numeric {@code code} and {@code message}. */
public class BooksException extends RuntimeException {

    private final HttpStatus status;
    private final int code;

    public BooksException(HttpStatus status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** Code 1002 for an unknown id; HTTP 404 is the emulator's choice (Zoho's status is unconfirmed). */
    public static BooksException notFound(String resource) {
        return new BooksException(HttpStatus.NOT_FOUND, BooksCodes.NOT_FOUND, resource + " does not exist.");
    }

    public static BooksException invalid(int code, String message) {
        return new BooksException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static BooksException invalidValue(String field) {
        return invalid(BooksCodes.INVALID_VALUE, "Invalid value passed for " + field);
    }

    public HttpStatus status() {
        return status;
    }

    public int code() {
        return code;
    }
}
