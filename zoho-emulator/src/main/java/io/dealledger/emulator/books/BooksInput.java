package io.dealledger.emulator.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.dealledger.emulator.json.JsonBody;

/** Typed reads of Books request fields, failing with a Books error that names the field. */
public final class BooksInput {

    private BooksInput() {
    }

    public static String required(JsonBody body, String field) {
        String value = body.string(field);
        if (value == null || value.isBlank()) {
            throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The field " + field + " is mandatory.");
        }
        return value;
    }

    public static BigDecimal decimal(JsonBody body, String field) {
        try {
            return body.decimal(field);
        } catch (NumberFormatException e) {
            throw BooksException.invalidValue(field);
        }
    }

    public static BigDecimal decimal(JsonBody body, String field, BigDecimal fallback) {
        BigDecimal value = decimal(body, field);
        return value == null ? fallback : value;
    }

    public static LocalDate date(JsonBody body, String field, LocalDate fallback) {
        String value = body.string(field);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BooksException.invalidValue(field);
        }
    }
}
