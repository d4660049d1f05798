package io.dealledger.invoice.books;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.invoice.InvoiceProperties;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.push.Rejection;
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

    private final BooksCaches caches;
    private final String productIdField;

    public ItemResolver(BooksCaches caches, InvoiceProperties.Books fields) {
        this.caches = caches;
        this.productIdField = fields.productIdField();
    }

    public Result resolve(OrgBooks books, List<Product> products) {
        Map<String, String> itemIds = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        String org = books.organizationId();
        boolean fresh = caches.items.get(org).isEmpty();
        ItemCatalog catalog = caches.items.get(org, key -> new ItemCatalog(books.items()));
        for (Product product : products) {
            Optional<Item> match = catalog.match(product.sku());
            if (match.isEmpty() && !fresh) {
                catalog = new ItemCatalog(books.items());
                caches.items.put(org, catalog);
                fresh = true;
                match = catalog.match(product.sku());
            }
            if (match.isPresent()) {
                itemIds.put(product.id(), match.get().itemId());
                continue;
            }
            try {
                Item created = books.upsertItem(productIdField, product.id(), new NewItem(product.name(),
                        product.sku().trim(), product.unitPrice(), product.description(), null,
                        Map.of(productIdField, product.id())));
                catalog.add(created);
                itemIds.put(product.id(), created.itemId());
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
}
