package io.dealledger.invoice.books;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.BooksRejections;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.sku.ItemCatalog;
import io.dealledger.zoho.books.BooksRecords.Item;
import io.dealledger.zoho.books.BooksRequests.NewItem;
import io.dealledger.zoho.http.ZohoApiException;

/**
 * The Books item of each CRM product, matched by normalized SKU against the org's items. An item is
 * created (an upsert keyed by the CRM product id, so a retry finds it) only when no normalized match
 * exists in a list read fresh from Books, never on the word of a stale cache alone.
 */
public final class ItemResolver {

    public record Result(Map<String, String> itemIdByProduct, List<Rejection> rejections) {
    }

    /**
     * The Books item a product matches, if any, and every item sharing its normalized SKU (more than one: they
     * already collide in Books).
     */
    public record Match(Item item, List<Item> sameSku) {
    }

    private final BooksCaches caches;
    private final String productIdField;

    public ItemResolver(BooksCaches caches, BooksFields fields) {
        this.caches = caches;
        this.productIdField = fields.productIdField();
    }

    /**
     * The Books item each product with a SKU matches (product id → match; no entry: an item is to be created),
     * read from the cached catalogue, re-read once on a miss, never written.
     */
    public Map<String, Match> plan(OrgBooks books, List<Product> products) {
        Map<String, Match> matches = new LinkedHashMap<>();
        Catalog catalog = new Catalog(books);
        for (Product product : products) {
            if (product.hasSku()) {
                catalog.match(product.sku()).ifPresent(item -> matches.put(product.id(),
                        new Match(item, catalog.current.sharing(product.sku()))));
            }
        }
        return matches;
    }

    /**
     * Creates the items {@link #plan} found no match for, each an upsert keyed by the CRM product id (a retry
     * finds it) and added to the cached catalogue; two products sharing a normalized SKU get one item.
     */
    public Result create(OrgBooks books, List<Product> products) {
        Map<String, String> itemIds = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        String org = books.organizationId();
        ItemCatalog created = new ItemCatalog(List.of());
        for (Product product : products) {
            Optional<Item> same = created.match(product.sku());
            if (same.isPresent()) {
                itemIds.put(product.id(), same.get().itemId());
                continue;
            }
            try {
                Item item = books.upsertItem(productIdField, product.id(), new NewItem(product.name(),
                        product.sku().trim(), product.unitPrice(), product.description(), null,
                        Map.of(productIdField, product.id())));
                created.add(item);
                caches.items.get(org).ifPresent(catalog -> catalog.add(item));
                itemIds.put(product.id(), item.itemId());
            } catch (ZohoApiException e) {
                if (!OrgBooks.isValidation(e)) {
                    throw e;
                }
                caches.items.invalidate(org);
                rejections.add(BooksRejections.of(e, "the item for product '" + product.name() + "' (SKU "
                        + product.sku().trim() + ")"));
            }
        }
        return new Result(itemIds, rejections);
    }

    /** The org's cached catalogue, read fresh once when a SKU misses in a cached one: no item is made on stale data. */
    private final class Catalog {
        private final OrgBooks books;
        private boolean fresh;
        private ItemCatalog current;

        Catalog(OrgBooks books) {
            this.books = books;
            this.fresh = caches.items.get(books.organizationId()).isEmpty();
            this.current = caches.items.get(books.organizationId(), key -> new ItemCatalog(books.items()));
        }

        Optional<Item> match(String sku) {
            Optional<Item> match = current.match(sku);
            if (match.isEmpty() && !fresh) {
                current = new ItemCatalog(books.items());
                caches.items.put(books.organizationId(), current);
                fresh = true;
                match = current.match(sku);
            }
            return match;
        }
    }
}
