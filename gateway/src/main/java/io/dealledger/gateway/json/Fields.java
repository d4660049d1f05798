package io.dealledger.gateway.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;

import io.dealledger.gateway.problem.Refusal;

import tools.jackson.databind.JsonNode;

/**
 * Typed, validated reads of one JSON object's fields. Every refusal names the field by its path in the
 * body (e.g. {@code stage.percentage}) and says what is wrong. Absent, null and empty-string values are all
 * "not given": CRM and Books render an empty merge field or placeholder as "".
 */
public final class Fields {

    /** Zoho ids (CRM records, Books organizations, invoices, payments, ...) are numeric strings. */
    // compiled once: String.matches compiles its pattern on every call, and every webhook field is checked
    private static final Pattern ID = Pattern.compile("[0-9]{1,30}");
    private static final Pattern INTEGER = Pattern.compile("[0-9]{1,40}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final JsonNode node;
    private final String prefix;

    private Fields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public static Fields of(JsonNode object, String path) {
        if (object == null || !object.isObject()) {
            throw Refusal.invalid(path == null || path.isEmpty() ? "body" : path, "must be a JSON object");
        }
        return new Fields(object, path == null || path.isEmpty() ? "" : path + ".");
    }

    /** Refuses any field not in {@code allowed}, so a misspelt field is not silently ignored. */
    public Fields allowOnly(Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw Refusal.invalid(path(name), "is not a known field; known fields are " + allowed.stream().sorted().toList());
            }
        }
        return this;
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    /** The nested object under {@code name}, or null when not given. */
    public Fields object(String name) {
        JsonNode value = value(name);
        return value == null ? null : of(value, path(name));
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }

    public String text(String name, int maxLength) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw Refusal.invalid(path(name), "must be a string");
        }
        String text = value.stringValue().strip();
        if (text.length() > maxLength) {
            throw Refusal.invalid(path(name), "must not be longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw Refusal.invalid(path(name), "must not contain control characters");
        }
        return text.isEmpty() ? null : text;
    }

    public String requiredText(String name, int maxLength) {
        return required(name, text(name, maxLength));
    }

    /** A Zoho id: digits, as a string or an integral JSON number. */
    public String id(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        String id;
        if (value.isString()) {
            id = value.stringValue().strip();
        } else if (value.isIntegralNumber()) {
            id = value.bigIntegerValue().toString();
        } else {
            throw Refusal.invalid(path(name), "must be a Zoho id (a string of digits)");
        }
        if (!ID.matcher(id).matches()) {
            throw Refusal.invalid(path(name), "must be a Zoho id (1 to 30 digits)");
        }
        return id;
    }

    public String requiredId(String name) {
        return required(name, id(name));
    }

    /** Checks an id taken from a path or header rather than a body, with the same rule. */
    public static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw Refusal.invalid(field, "must be a Zoho id (1 to 30 digits)");
        }
        return value;
    }

    /** A whole number from 0 to {@code max}: a JSON integer or a string of digits. */
    public Long wholeNumber(String name, long max) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.bigIntegerValue();
        } else if (value.isString() && INTEGER.matcher(value.stringValue().strip()).matches()) {
            number = new BigInteger(value.stringValue().strip());
        } else {
            throw Refusal.invalid(path(name), "must be a whole number");
        }
        if (number.signum() < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw Refusal.invalid(path(name), "must be from 0 to " + max);
        }
        return number.longValueExact();
    }

    /**
     * A money amount or percentage: a JSON number or a numeric string, never negative, with at most
     * {@code scale} decimals and {@code integerDigits} digits before the point; returned at exactly that scale.
     */
    public BigDecimal decimal(String name, int scale, int integerDigits) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isString() && DECIMAL.matcher(value.stringValue().strip()).matches()) {
            number = new BigDecimal(value.stringValue().strip());
        } else {
            throw Refusal.invalid(path(name), "must be a decimal number");
        }
        return Amounts.checked(path(name), number, scale, integerDigits);
    }

    /** An ISO 4217 currency code. */
    public String currency(String name) {
        String code = text(name, 3);
        if (code == null) {
            return null;
        }
        return Amounts.currency(path(name), code);
    }

    /** A calendar date, yyyy-mm-dd as Books writes it. */
    public LocalDate date(String name) {
        String text = text(name, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(path(name), "must be a date as yyyy-mm-dd");
        }
    }

    public String path(String name) {
        return prefix + name;
    }

    private <T> T required(String name, T value) {
        if (value == null) {
            throw Refusal.invalid(path(name), "is required");
        }
        return value;
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
            return null;
        }
        return value;
    }

    /** Whether {@code code} is an ISO 4217 code known to the JDK. */
    static boolean isCurrency(String code) {
        try {
            return CURRENCY.matcher(code).matches() && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
