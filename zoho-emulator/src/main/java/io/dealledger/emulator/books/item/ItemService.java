package io.dealledger.emulator.books.item;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.customfield.PreventDuplicates;
import io.dealledger.emulator.books.customfield.UniqueKey;
import io.dealledger.emulator.books.customfield.Upserted;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.OrgRecords;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;

/** Books items; SKUs must be unique as exact strings only (the duplicate-item trap). */
@Service
public class ItemService implements Resettable {

    private final OrgRecords<Item> items = new OrgRecords<>();
    private final Organizations organizations;
    private final BooksIds ids;
    private final EmulatorClock clock;
    private final PreventDuplicates preventDuplicates;

    public ItemService(Organizations organizations, BooksIds ids, EmulatorClock clock, PreventDuplicates preventDuplicates) {
        this.organizations = organizations;
        this.ids = ids;
        this.clock = clock;
        this.preventDuplicates = preventDuplicates;
    }

    public Item create(String orgId, JsonBody body) {
        BooksInput.required(body, "name");
        BigDecimal rate = BooksInput.decimal(body, "rate");
        synchronized (organizations.lock(orgId)) {
            refuseDuplicateSku(orgId, body.string("sku"), null);
            Item item = new Item(ids.next(BooksIds.Kind.ITEM), clock.now());
            item.apply(body, rate, clock.now());
            items.put(orgId, item.itemId(), item);
            return item;
        }
    }

    public Item update(String orgId, String itemId, JsonBody body) {
        BigDecimal rate = BooksInput.decimal(body, "rate");
        synchronized (organizations.lock(orgId)) {
            Item item = require(orgId, itemId);
            if (body.containsKey("sku")) {
                refuseDuplicateSku(orgId, body.string("sku"), itemId);
            }
            item.apply(body, rate, clock.now());
            return item;
        }
    }

    public Upserted<Item> upsert(String orgId, UniqueKey key, JsonBody body) {
        preventDuplicates.requireUpsertKey("item", key);
        synchronized (organizations.lock(orgId)) {
            List<Item> matches = items.all(orgId).stream()
                    .filter(i -> i.customFields().matches(key.apiName(), key.value())).toList();
            if (matches.size() > 1) {
                throw BooksException.invalid(BooksCodes.DUPLICATE, "More than one item has " + key.apiName() + " = " + key.value() + ".");
            }
            if (matches.size() == 1) {
                return new Upserted<>(update(orgId, matches.get(0).itemId(), body), false);
            }
            if (!key.upsert()) {
                throw BooksException.notFound("Item");
            }
            Item created = create(orgId, body);
            created.customFields().put(key.apiName(), key.value());
            return new Upserted<>(created, true);
        }
    }

    public Item require(String orgId, String itemId) {
        Item item = itemId == null ? null : items.get(orgId, itemId);
        if (item == null) {
            throw BooksException.notFound("Item");
        }
        return item;
    }

    public List<Item> list(String orgId, Map<String, String> query) {
        Stream<Item> all = items.all(orgId).stream();
        String name = query.get("name");
        if (name != null) {
            all = all.filter(i -> i.name().equals(name));
        }
        String nameContains = query.get("name_contains");
        if (nameContains != null) {
            all = all.filter(i -> lower(i.name()).contains(lower(nameContains)));
        }
        String nameStartsWith = query.get("name_startswith");
        if (nameStartsWith != null) {
            all = all.filter(i -> lower(i.name()).startsWith(lower(nameStartsWith)));
        }
        String sku = query.get("sku");
        if (sku != null) {
            all = all.filter(i -> sku.equals(i.sku()));
        }
        String search = query.get("search_text");
        if (search != null) {
            all = all.filter(i -> lower(i.name()).contains(lower(search))
                    || (i.sku() != null && lower(i.sku()).contains(lower(search))));
        }
        String filterBy = query.get("filter_by");
        if ("Status.Active".equals(filterBy) || "Status.Inactive".equals(filterBy)) {
            String wanted = filterBy.substring("Status.".length()).toLowerCase(Locale.ROOT);
            all = all.filter(i -> i.status().equals(wanted));
        }
        return all.sorted(Comparator.comparing(i -> lower(i.name()))).toList();
    }

    private void refuseDuplicateSku(String orgId, String sku, String exceptId) {
        if (sku == null || sku.isEmpty()) {
            return;
        }
        boolean taken = items.all(orgId).stream().anyMatch(i -> !i.itemId().equals(exceptId) && sku.equals(i.sku()));
        if (taken) {
            throw BooksException.invalid(BooksCodes.DUPLICATE, "The SKU \"" + sku + "\" already exists for another item.");
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    @Override
    public void reset() {
        items.clear();
    }
}
