package io.dealledger.invoice.sku;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.zoho.books.BooksRecords.Item;

/**
 * A Books organization's items indexed by normalized SKU, so "SV-300" finds the existing "sv-300 " item
 * instead of creating a duplicate. Where Books already holds duplicates, the active one with the lowest
 * id wins, every time.
 */
public final class ItemCatalog {

    private static final Comparator<Item> PREFERRED = Comparator
            .comparing((Item i) -> !"active".equalsIgnoreCase(i.status()))
            .thenComparing(Item::itemId, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<String, List<Item>> bySku = new LinkedHashMap<>();

    public ItemCatalog(List<Item> items) {
        items.forEach(this::add);
    }

    public synchronized void add(Item item) {
        String key = Sku.normalize(item.sku());
        if (key.isEmpty()) {
            return;
        }
        List<Item> same = bySku.computeIfAbsent(key, k -> new ArrayList<>());
        same.removeIf(existing -> existing.itemId().equals(item.itemId()));
        same.add(item);
        same.sort(PREFERRED);
    }

    public synchronized Optional<Item> match(String sku) {
        List<Item> same = bySku.get(Sku.normalize(sku));
        return same == null || same.isEmpty() ? Optional.empty() : Optional.of(same.get(0));
    }

    /** Every item whose SKU normalizes like {@code sku}, preferred first. */
    public synchronized List<Item> sharing(String sku) {
        return List.copyOf(bySku.getOrDefault(Sku.normalize(sku), List.of()));
    }

    /** Normalized SKU → the items sharing it, where more than one does: duplicates to clean up in Books. */
    public synchronized Map<String, List<Item>> collisions() {
        Map<String, List<Item>> collisions = new LinkedHashMap<>();
        bySku.forEach((sku, items) -> {
            if (items.size() > 1) {
                collisions.put(sku, List.copyOf(items));
            }
        });
        return collisions;
    }
}
