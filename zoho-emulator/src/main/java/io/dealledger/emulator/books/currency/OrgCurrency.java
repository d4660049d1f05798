package io.dealledger.emulator.books.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A currency enabled in a Books organization, with Books' exchange rate to the org's base currency (1 for the
 * base currency itself). Contacts and invoices name it by {@code currency_id}.
 */
public record OrgCurrency(String currencyId, String currencyCode, BigDecimal exchangeRate, boolean baseCurrency,
        LocalDate effectiveDate) {

    public int scale() {
        return scaleOf(currencyCode);
    }

    public String symbol() {
        return symbolOf(currencyCode);
    }

    /** Decimals of the ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD). */
    public static int scaleOf(String currencyCode) {
        return Currency.getInstance(currencyCode).getDefaultFractionDigits();
    }

    public static String symbolOf(String currencyCode) {
        return Currency.getInstance(currencyCode).getSymbol(Locale.US);
    }

    /** As {@code GET /settings/currencies} lists it: the keys of Zoho's example. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("currency_id", currencyId);
        json.put("currency_code", currencyCode);
        json.put("currency_name", currencyCode + "- " + Currency.getInstance(currencyCode).getDisplayName(Locale.US));
        json.put("currency_symbol", symbol());
        json.put("price_precision", scale());
        json.put("currency_format", "1,234,567.89");
        json.put("is_base_currency", baseCurrency);
        json.put("exchange_rate", exchangeRate);
        json.put("effective_date", effectiveDate.toString());
        return json;
    }
}
