package io.dealledger.emulator.books;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Books' {@code page}/{@code per_page} (default 200, max 200) and the {@code page_context} it answers with. */
public record Paging(int page, int perPage) {

    public static Paging from(Map<String, String> query) {
        int page = parse(query.get("page"), 1, "page");
        int perPage = parse(query.get("per_page"), 200, "per_page");
        if (page < 1) {
            throw BooksException.invalidValue("page");
        }
        if (perPage < 1) {
            throw BooksException.invalidValue("per_page");
        }
        return new Paging(page, Math.min(perPage, 200));
    }

    private static int parse(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw BooksException.invalidValue(name);
        }
    }

    /** The list envelope with this page of {@code all} under {@code key}. */
    public <T> Map<String, Object> envelope(String key, List<T> all, String reportName, String sortColumn, String sortOrder) {
        int from = Math.min((page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("page", page);
        context.put("per_page", perPage);
        context.put("has_more_page", to < all.size());
        context.put("report_name", reportName);
        context.put("applied_filter", "Status.All");
        context.put("sort_column", sortColumn);
        context.put("sort_order", sortOrder);
        Map<String, Object> body = BooksEnvelope.body("success", key, all.subList(from, to));
        body.put("page_context", context);
        return body;
    }
}
