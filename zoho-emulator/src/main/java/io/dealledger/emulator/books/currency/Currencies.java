package io.dealledger.emulator.books.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.reset.Resettable;

/**
 * The currencies of each Books organization: its base currency and any number of others with Books' rate, so
 * a customer and its invoices can be in EUR on a USD organization. Money is kept at each currency's scale.
 */
@Component
public class Currencies implements Resettable {

    private final Map<String, List<OrgCurrency>> byOrg = new ConcurrentHashMap<>();

    /** The organization's base currency (rate 1), registered with the organization. */
    public void registerBase(BooksOrganization org, LocalDate today) {
        List<OrgCurrency> currencies = of(org.organizationId());
        currencies.removeIf(OrgCurrency::baseCurrency);
        currencies.add(0, new OrgCurrency(org.currencyId(), org.currencyCode(), BigDecimal.ONE, true, today));
    }

    /** Enables another currency in the organization at Books' {@code exchangeRate} to the base currency. */
    public OrgCurrency add(String orgId, String currencyId, String currencyCode, BigDecimal exchangeRate, LocalDate today) {
        String code = currencyCode.toUpperCase(Locale.ROOT);
        java.util.Currency.getInstance(code);
        List<OrgCurrency> currencies = of(orgId);
        if (currencies.stream().anyMatch(c -> c.currencyCode().equals(code))) {
            throw BooksException.invalid(BooksCodes.DUPLICATE, "The currency " + code + " has already been added.");
        }
        OrgCurrency currency = new OrgCurrency(currencyId, code, exchangeRate, false, today);
        currencies.add(currency);
        return currency;
    }

    public List<OrgCurrency> all(String orgId) {
        return new ArrayList<>(of(orgId));
    }

    public OrgCurrency base(String orgId) {
        return of(orgId).stream().filter(OrgCurrency::baseCurrency).findFirst()
                .orElseThrow(() -> new IllegalStateException("organization " + orgId + " has no base currency"));
    }

    /** The currency {@code currency_id} names, refused as Books refuses an id it does not know. */
    public OrgCurrency require(String orgId, String currencyId) {
        return of(orgId).stream().filter(c -> c.currencyId().equals(currencyId)).findFirst()
                .orElseThrow(() -> BooksException.invalid(BooksCodes.INVALID_VALUE,
                        "Invalid value passed for currency_id: " + currencyId + " is not a currency of this organization."));
    }

    private List<OrgCurrency> of(String orgId) {
        return byOrg.computeIfAbsent(orgId, id -> new CopyOnWriteArrayList<>());
    }

    @Override
    public void reset() {
        byOrg.clear();
    }
}
