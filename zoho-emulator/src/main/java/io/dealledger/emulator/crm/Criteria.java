package io.dealledger.emulator.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;

/**
 * CRM search criteria: {@code ((Stage:equals:Closed Won)and(Account_Name.id:equals:123))}. Operators
 * equals, not_equal, starts_with, in, greater_than, greater_equal, less_than, less_equal; string
 * comparisons ignore case; {@code \(}, {@code \)}, {@code \,} and {@code \:} escape those characters.
 * Groups combine left to right.
 */
final class Criteria {

    private Criteria() {
    }

    static Predicate<Map<String, Object>> parse(String criteria) {
        try {
            return expression(criteria.strip());
        } catch (RuntimeException e) {
            throw new CrmException(HttpStatus.BAD_REQUEST, "INVALID_QUERY", "Invalid query formed",
                    Map.of("reason", "invalid criteria", "criteria", criteria));
        }
    }

    private static Predicate<Map<String, Object>> expression(String text) {
        List<String> groups = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(') {
                int end = closing(text, i);
                groups.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int next = text.indexOf('(', i);
                operators.add(text.substring(i, next).strip().toLowerCase(Locale.ROOT));
                i = next;
            }
        }
        if (groups.isEmpty() || operators.size() != groups.size() - 1) {
            throw new IllegalArgumentException("unbalanced criteria");
        }
        Predicate<Map<String, Object>> result = group(groups.get(0));
        for (int g = 1; g < groups.size(); g++) {
            Predicate<Map<String, Object>> next = group(groups.get(g));
            result = switch (operators.get(g - 1)) {
                case "and" -> result.and(next);
                case "or" -> result.or(next);
                default -> throw new IllegalArgumentException("unknown operator");
            };
        }
        return result;
    }

    private static Predicate<Map<String, Object>> group(String group) {
        String inner = group.substring(1, group.length() - 1).strip();
        return inner.startsWith("(") ? expression(inner) : condition(inner);
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses");
    }

    private static Predicate<Map<String, Object>> condition(String condition) {
        String[] parts = condition.split("(?<!\\\\):", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("condition needs field:operator:value");
        }
        String field = parts[0].strip();
        String operator = parts[1].strip().toLowerCase(Locale.ROOT);
        String value = parts[2];
        return record -> {
            Object actual = value(record, field);
            return switch (operator) {
                case "equals" -> same(actual, unescape(value));
                case "not_equal" -> !same(actual, unescape(value));
                case "starts_with" -> actual != null && actual.toString().toLowerCase(Locale.ROOT)
                        .startsWith(unescape(value).toLowerCase(Locale.ROOT));
                case "in" -> Arrays.stream(value.split("(?<!\\\\),")).anyMatch(v -> same(actual, unescape(v)));
                case "greater_than" -> compare(actual, value) > 0;
                case "greater_equal" -> compare(actual, value) >= 0;
                case "less_than" -> compare(actual, value) < 0;
                case "less_equal" -> compare(actual, value) <= 0;
                default -> throw new IllegalArgumentException("unknown operator " + operator);
            };
        };
    }

    private static Object value(Map<String, Object> record, String field) {
        int dot = field.indexOf('.');
        Object value = record.get(dot < 0 ? field : field.substring(0, dot));
        if (value instanceof Map<?, ?> lookup) {
            return lookup.get(dot < 0 ? "name" : field.substring(dot + 1));
        }
        return value;
    }

    private static boolean same(Object actual, String expected) {
        if (actual == null) {
            return expected.equalsIgnoreCase("null");
        }
        if (actual instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).compareTo(new BigDecimal(expected.strip())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return actual.toString().equalsIgnoreCase(expected);
    }

    private static int compare(Object actual, String expected) {
        if (actual == null) {
            return -1;
        }
        try {
            return new BigDecimal(actual.toString()).compareTo(new BigDecimal(expected.strip()));
        } catch (NumberFormatException e) {
            return actual.toString().compareTo(unescape(expected));
        }
    }

    private static String unescape(String value) {
        return value.replaceAll("\\\\([(),:])", "$1");
    }
}
