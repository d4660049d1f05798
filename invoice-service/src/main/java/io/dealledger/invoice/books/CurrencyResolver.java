package io.dealledger.invoice.books;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.zoho.books.BooksRecords.Currency;
import io.dealledger.zoho.books.BooksRecords.Organization;

/**
 * The Books currency of a deal's customer and invoice. Books takes a currency by its id ({@code currency_id},
 * listed by {@code GET /settings/currencies}), not by its code, and converts with its own exchange rate: a EUR
 * deal on a USD organization is billed in EUR at Books' rate, never silently in the base currency. The org's
 * base currency costs no call (the organization names it); others are read once per org and cached.
 */
public final class CurrencyResolver {

    /**
     * @param currencyId   Books' id of the currency, or null when Books names none (then Books applies its default)
     * @param exchangeRate Books' rate to the base currency; null for the base currency or when Books has none
     */
    public record Resolved(String currencyCode, String currencyId, BigDecimal exchangeRate) {
    }

    public record Result(Resolved resolved, Rejection rejection) {
    }

    private final BooksCaches caches;

    public CurrencyResolver(BooksCaches caches) {
        this.caches = caches;
    }

    public Result resolve(OrgBooks books, String currencyCode) {
        String org = books.organizationId();
        Organization organization = caches.organization(org, key -> books.organization());
        if (currencyCode == null || currencyCode.isBlank()) {
            return new Result(new Resolved(null, null, null), null);
        }
        String code = currencyCode.trim().toUpperCase(Locale.ROOT);
        if (organization != null && code.equalsIgnoreCase(organization.currencyCode()) && organization.currencyId() != null) {
            return new Result(new Resolved(code, organization.currencyId(), null), null);
        }
        Currency currency = caches.currencies(org, key -> byCode(books)).get(code);
        if (currency == null) {
            return new Result(null, Rejection.of(Rejection.Code.CURRENCY_NOT_ENABLED, "Currency", "the deal is in "
                    + code + ", which Books organization " + org + " has not enabled: add " + code
                    + " under Books → Settings → Currencies (with its exchange rate), or bill the deal in "
                    + (organization == null || organization.currencyCode() == null ? "the base currency"
                    : organization.currencyCode())));
        }
        return new Result(new Resolved(code, currency.currencyId(), currency.baseCurrency() ? null
                : currency.exchangeRate()), null);
    }

    private static Map<String, Currency> byCode(OrgBooks books) {
        Map<String, Currency> byCode = new LinkedHashMap<>();
        for (Currency currency : books.currencies()) {
            if (currency.currencyCode() != null) {
                byCode.putIfAbsent(currency.currencyCode().toUpperCase(Locale.ROOT), currency);
            }
        }
        return Map.copyOf(byCode);
    }
}
