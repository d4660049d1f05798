package io.dealledger.invoice.tax;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a customer is billed, as tax sees it: an ISO 3166 country and, where tax depends on it (US sales
 * tax, Indian GST, Canadian provinces), the state or province code. CRM stores what people typed
 * ("United States", "USA", "california", "CA"); this reads all of those.
 */
public record Region(String country, String subdivision) {

    /** The key in the tax table: {@code US-CA}, {@code GB}, {@code IN-KA}. */
    public String key() {
        return subdivision == null ? country : country + "-" + subdivision;
    }

    @Override
    public String toString() {
        return key();
    }

    /** Reads a CRM billing country and state; empty when the country is missing or unknown. */
    public static Optional<Region> of(String billingCountry, String billingState) {
        String country = Places.country(billingCountry);
        if (country == null) {
            return Optional.empty();
        }
        String state = Places.subdivision(country, billingState);
        return Optional.of(new Region(country, Places.SUBDIVIDED.contains(country) ? state : null));
    }

    /** The tax table's key for a country alone (e.g. GB) — used when no state-level entry exists. */
    public Region countryOnly() {
        return new Region(country, null);
    }

    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[.\\s]+", " ").trim().toUpperCase(Locale.ROOT);
    }

    static Optional<String> lookup(Map<String, String> names, String text) {
        return Optional.ofNullable(names.get(clean(text)));
    }
}
