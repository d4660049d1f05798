package io.dealledger.invoice.books;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.dealledger.invoice.cache.TtlCache;
import io.dealledger.invoice.sku.ItemCatalog;
import io.dealledger.zoho.books.BooksRecords.Tax;

/**
 * What invoice-service remembers of each Books organization between pushes: customers by CRM account,
 * items by normalized SKU, taxes by id, and the org's edition. A warm push costs two Books calls.
 */
public final class BooksCaches {

    /** {@code org:accountId} → Books contact id. */
    final TtlCache<String, String> customers;
    /** org → its items. */
    final TtlCache<String, ItemCatalog> items;
    /** org → tax id → tax. */
    final TtlCache<String, Map<String, Tax>> taxes;
    /** org → edition (US, UK, IN, ...). */
    final TtlCache<String, String> editions;

    public BooksCaches(Duration ttl, Clock clock) {
        this.customers = new TtlCache<>(ttl, clock);
        this.items = new TtlCache<>(ttl, clock);
        this.taxes = new TtlCache<>(ttl, clock);
        this.editions = new TtlCache<>(ttl, clock);
    }

    public Map<String, Tax> taxes(String org, Function<String, Map<String, Tax>> loader) {
        return taxes.get(org, loader);
    }

    public String edition(String org, Function<String, String> loader) {
        return editions.get(org, loader);
    }

    public void rememberEdition(String org, String edition) {
        editions.put(org, edition);
    }

    /** Forgets everything, e.g. after Books data was changed behind the service's back. */
    public void clear() {
        customers.clear();
        items.clear();
        taxes.clear();
        editions.clear();
    }
}
