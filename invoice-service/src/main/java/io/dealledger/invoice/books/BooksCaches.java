package io.dealledger.invoice.books;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.dealledger.invoice.cache.TtlCache;
import io.dealledger.invoice.sku.ItemCatalog;
import io.dealledger.zoho.books.BooksRecords.Currency;
import io.dealledger.zoho.books.BooksRecords.Organization;
import io.dealledger.zoho.books.BooksRecords.Tax;
import io.dealledger.zoho.books.BooksRecords.TaxAuthority;

/**
 * What invoice-service remembers of each Books organization between pushes: customers by CRM account,
 * items by normalized SKU, taxes by id, the organization itself (country, base currency) and its currencies.
 * A warm push costs two Books calls.
 */
public final class BooksCaches {

    /** {@code org:accountId} → the account's Books customer. */
    final TtlCache<String, CustomerResolver.Known> customers;
    /** org → its items. */
    final TtlCache<String, ItemCatalog> items;
    /** org → tax id → tax. */
    final TtlCache<String, Map<String, Tax>> taxes;
    /** org → the organization as {@code GET /organizations/{id}} answers it (its country and base currency). */
    final TtlCache<String, Organization> organizations;
    /** org → currency code (upper case) → the currency enabled in the org. */
    final TtlCache<String, Map<String, Currency>> currencies;
    /** org → tax authority id → authority (read by previews only, for the authority's name). */
    final TtlCache<String, Map<String, TaxAuthority>> taxAuthorities;

    public BooksCaches(Duration ttl, Clock clock) {
        this.customers = new TtlCache<>(ttl, clock);
        this.items = new TtlCache<>(ttl, clock);
        this.taxes = new TtlCache<>(ttl, clock);
        this.organizations = new TtlCache<>(ttl, clock);
        this.currencies = new TtlCache<>(ttl, clock);
        this.taxAuthorities = new TtlCache<>(ttl, clock);
    }

    public Map<String, Tax> taxes(String org, Function<String, Map<String, Tax>> loader) {
        return taxes.get(org, loader);
    }

    public Map<String, TaxAuthority> taxAuthorities(String org, Function<String, Map<String, TaxAuthority>> loader) {
        return taxAuthorities.get(org, loader);
    }

    public Organization organization(String org, Function<String, Organization> loader) {
        return organizations.get(org, loader);
    }

    public Map<String, Currency> currencies(String org, Function<String, Map<String, Currency>> loader) {
        return currencies.get(org, loader);
    }

    /** Forgets everything, e.g. after Books data was changed behind the service's back. */
    public void clear() {
        customers.clear();
        items.clear();
        taxes.clear();
        organizations.clear();
        currencies.clear();
        taxAuthorities.clear();
    }
}
