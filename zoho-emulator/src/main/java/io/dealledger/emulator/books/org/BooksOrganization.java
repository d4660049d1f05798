package io.dealledger.emulator.books.org;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.dealledger.emulator.books.currency.OrgCurrency;

/**
 * A Books organization: its country (which decides its tax rules) and base currency. Books has no "edition"
 * field: an organization in the U.S.A or Canada files sales tax per tax authority (tax agency in Canada), so a
 * taxed invoice there needs one. {@code GET /organizations} rows carry no address; {@code GET
 * /organizations/{id}} does, with the country.
 */
public record BooksOrganization(String organizationId, String name, String country, String currencyCode,
        String currencyId, ZoneId timeZone) {

    private static final Set<String> TAX_AUTHORITY_COUNTRIES = Set.of("USA", "US", "UNITEDSTATES",
            "UNITEDSTATESOFAMERICA", "CANADA", "CA");

    /** US and Canadian organizations: taxes belong to tax authorities, and taxed invoices need one. */
    public boolean hasTaxAuthorities() {
        return country != null && TAX_AUTHORITY_COUNTRIES.contains(country.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", ""));
    }

    public int currencyScale() {
        return OrgCurrency.scaleOf(currencyCode);
    }

    public String currencySymbol() {
        return OrgCurrency.symbolOf(currencyCode);
    }

    /** A row of {@code GET /organizations}: the keys of Zoho's example, no address. */
    public Map<String, Object> toListJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("organization_id", organizationId);
        json.put("name", name);
        json.put("contact_name", name);
        json.put("email", "admin@" + organizationId + ".emulator.local");
        json.put("is_default_org", false);
        json.put("plan_type", 130);
        json.put("tax_group_enabled", true);
        json.put("zi_migration_status", 0);
        json.put("plan_name", "PROFESSIONAL");
        json.put("plan_period", "Monthly");
        json.put("language_code", "en");
        json.put("fiscal_year_start_month", 0);
        json.put("account_created_date", "2024-01-01");
        json.put("account_created_date_formatted", "01 Jan 2024");
        json.put("time_zone", timeZone.getId());
        json.put("is_org_active", true);
        json.put("currency_id", currencyId);
        json.put("currency_code", currencyCode);
        json.put("currency_symbol", currencySymbol());
        json.put("currency_format", "###,##0.00");
        json.put("price_precision", currencyScale());
        return json;
    }

    /** {@code GET /organizations/{id}}: the row's keys, the address with the country, and the rest of Zoho's example. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = toListJson();
        json.put("date_format", "yyyy-MM-dd");
        json.put("field_separator", "-");
        json.put("industry_type", "");
        json.put("industry_size", "");
        json.put("company_id_label", "Company ID");
        json.put("company_id_value", "");
        json.put("tax_id_label", "Tax ID");
        json.put("tax_id_value", "");
        json.put("org_address", "");
        json.put("remit_to_address", "");
        json.put("phone", "");
        json.put("fax", "");
        json.put("website", "");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street_address1", "");
        address.put("street_address2", "");
        address.put("city", "");
        address.put("state", "");
        address.put("country", country == null ? "" : country);
        address.put("zip", "");
        json.put("address", address);
        json.put("custom_fields", java.util.List.of());
        return json;
    }
}
