package io.dealledger.emulator.books.org;

import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Books organization: its own edition (which decides tax rules), country and base currency.
 * Edition {@code US} requires a tax authority on taxed invoices.
 */
public record BooksOrganization(String organizationId, String name, String edition, String country,
        String currencyCode, String currencyId, ZoneId timeZone) {

    public boolean isUsEdition() {
        return "US".equalsIgnoreCase(edition);
    }

    public int currencyScale() {
        return Currency.getInstance(currencyCode).getDefaultFractionDigits();
    }

    public String currencySymbol() {
        return Currency.getInstance(currencyCode).getSymbol(java.util.Locale.US);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("organization_id", organizationId);
        json.put("name", name);
        json.put("contact_name", name);
        json.put("is_default_org", false);
        json.put("is_org_active", true);
        json.put("account_created_date", "2024-01-01");
        json.put("time_zone", timeZone.getId());
        json.put("language_code", "en");
        json.put("date_format", "yyyy-MM-dd");
        json.put("currency_id", currencyId);
        json.put("currency_code", currencyCode);
        json.put("currency_symbol", currencySymbol());
        json.put("currency_format", "###,##0.00");
        json.put("price_precision", currencyScale());
        json.put("country", country);
        json.put("edition", edition);
        json.put("version", edition.toLowerCase());
        json.put("plan_name", "PROFESSIONAL");
        return json;
    }
}
