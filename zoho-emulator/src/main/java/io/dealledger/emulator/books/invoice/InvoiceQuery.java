package io.dealledger.emulator.books.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.dealledger.emulator.books.BooksException;

/**
 * The invoice list filters clients use: number, reference, customer, status / filter_by, custom field,
 * CRM deal ({@code zcrm_potential_id}), dates, {@code last_modified_time} (modified at or after),
 * search text, and sorting.
 */
final class InvoiceQuery {

    private static final DateTimeFormatter BOOKS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private InvoiceQuery() {
    }

    /** {@code dealFilter}: whether {@code zcrm_potential_id} filters (see BooksQuirks). */
    static List<Invoice> apply(List<Invoice> invoices, Map<String, String> query, Function<Invoice, String> status,
            boolean dealFilter) {
        Stream<Invoice> stream = invoices.stream();
        stream = equal(stream, query.get("invoice_number"), Invoice::invoiceNumber);
        stream = equal(stream, query.get("reference_number"), i -> i.referenceNumber);
        stream = equal(stream, query.get("customer_id"), Invoice::customerId);
        if (dealFilter) {
            stream = equal(stream, query.get("zcrm_potential_id"), i -> i.zcrmPotentialId);
        }
        String numberStartsWith = query.get("invoice_number_startswith");
        if (numberStartsWith != null) {
            stream = stream.filter(i -> i.invoiceNumber().startsWith(numberStartsWith));
        }
        String wantedStatus = statusFilter(query);
        if (wantedStatus != null) {
            stream = stream.filter(i -> matchesStatus(status.apply(i), wantedStatus));
        }
        String customField = query.get("custom_field");
        if (customField != null) {
            stream = stream.filter(i -> i.customFields().contains(customField, false) && exactCustom(i, customField));
        }
        String customFieldStartsWith = query.get("custom_field_startswith");
        if (customFieldStartsWith != null) {
            stream = stream.filter(i -> i.customFields().contains(customFieldStartsWith, true));
        }
        String customFieldContains = query.get("custom_field_contains");
        if (customFieldContains != null) {
            stream = stream.filter(i -> i.customFields().contains(customFieldContains, false));
        }
        LocalDate dateStart = date(query, "date_start");
        if (dateStart != null) {
            stream = stream.filter(i -> !i.date().isBefore(dateStart));
        }
        LocalDate dateEnd = date(query, "date_end");
        if (dateEnd != null) {
            stream = stream.filter(i -> !i.date().isAfter(dateEnd));
        }
        String modifiedSince = query.get("last_modified_time");
        if (modifiedSince != null) {
            Instant since = instant(modifiedSince);
            stream = stream.filter(i -> !i.lastModifiedTime().isBefore(since));
        }
        String search = query.get("search_text");
        if (search != null) {
            String needle = search.toLowerCase(Locale.ROOT);
            stream = stream.filter(i -> i.invoiceNumber().toLowerCase(Locale.ROOT).contains(needle)
                    || i.referenceNumber.toLowerCase(Locale.ROOT).contains(needle)
                    || i.customerName.toLowerCase(Locale.ROOT).contains(needle));
        }
        // each invoice's sort key is read once: invoices change while a list is answered, and a comparator reading
        // a key that moves mid-sort breaks TimSort's contract (a 500 on a busy org)
        String column = query.getOrDefault("sort_column", "created_time");
        Comparator<Keyed> byKey = Comparator.comparing(Keyed::key, Comparator.nullsFirst(Comparator.naturalOrder()));
        boolean ascending = "A".equalsIgnoreCase(query.getOrDefault("sort_order", "created_time".equals(column) ? "D" : "A"));
        return stream.map(i -> new Keyed(i, sortKey(i, column))).sorted(ascending ? byKey : byKey.reversed())
                .map(Keyed::invoice).toList();
    }

    /** An invoice with its sort key as it was when the list was asked for. */
    private record Keyed(Invoice invoice, Comparable<Object> key) {
    }

    private static boolean exactCustom(Invoice invoice, String value) {
        return invoice.customFields().hash().values().stream().anyMatch(v -> v != null && v.toString().equals(value));
    }

    private static Stream<Invoice> equal(Stream<Invoice> stream, String wanted, Function<Invoice, String> field) {
        return wanted == null ? stream : stream.filter(i -> wanted.equals(field.apply(i)));
    }

    private static String statusFilter(Map<String, String> query) {
        if (query.get("status") != null) {
            return query.get("status").toLowerCase(Locale.ROOT);
        }
        String filterBy = query.get("filter_by");
        if (filterBy == null || filterBy.equals("Status.All")) {
            return null;
        }
        return switch (filterBy) {
            case "Status.Sent" -> "sent";
            case "Status.Draft" -> "draft";
            case "Status.OverDue" -> "overdue";
            case "Status.Paid" -> "paid";
            case "Status.Void" -> "void";
            case "Status.Unpaid" -> "unpaid";
            case "Status.PartiallyPaid" -> "partially_paid";
            case "Status.Viewed" -> "viewed";
            default -> throw BooksException.invalidValue("filter_by");
        };
    }

    /** {@code unpaid} is a bucket: anything sent with money still due. */
    private static boolean matchesStatus(String actual, String wanted) {
        if (wanted.equals("unpaid")) {
            return actual.equals("sent") || actual.equals("overdue") || actual.equals("partially_paid");
        }
        if (wanted.equals("partiallypaid")) {
            return actual.equals("partially_paid");
        }
        return actual.equals(wanted);
    }

    private static LocalDate date(Map<String, String> query, String key) {
        String value = query.get(key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw BooksException.invalidValue(key);
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value, BOOKS_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw BooksException.invalidValue("last_modified_time");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortKey(Invoice invoice, String column) {
        Comparable<?> key = switch (column) {
            case "invoice_number" -> invoice.invoiceNumber();
            case "date" -> invoice.date();
            case "due_date" -> invoice.dueDate;
            case "total" -> invoice.total();
            case "balance" -> invoice.balance();
            case "customer_name" -> invoice.customerName;
            case "last_modified_time" -> invoice.lastModifiedTime();
            default -> invoice.invoiceId();
        };
        return (Comparable<Object>) key;
    }
}
