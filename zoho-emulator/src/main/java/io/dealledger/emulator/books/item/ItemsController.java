package io.dealledger.emulator.books.item;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.books.Paging;
import io.dealledger.emulator.books.customfield.UniqueKey;
import io.dealledger.emulator.books.customfield.Upserted;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.json.JsonBodies;

/** {@code /books/v3/items}: create, get, list (name/sku/search filters), update, upsert. */
@RestController
@RequestMapping("/books/v3/items")
public class ItemsController {

    private final ItemService items;
    private final Organizations organizations;

    public ItemsController(ItemService items, Organizations organizations) {
        this.items = items;
        this.organizations = organizations;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestParam("organization_id") String org,
            @RequestBody(required = false) String body) {
        Item item = items.create(org, JsonBodies.parse(body));
        return BooksEnvelope.created("The item has been added.", "item", item.toJson(organizations.require(org)));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam Map<String, String> query) {
        String org = query.get("organization_id");
        BooksOrganization organization = organizations.require(org);
        return Paging.from(query).envelope("items", items.list(org, query).stream().map(i -> i.toJson(organization)).toList(),
                "Items", "name", "A");
    }

    @GetMapping("/{itemId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org, @PathVariable String itemId) {
        return BooksEnvelope.ok("success", "item", items.require(org, itemId).toJson(organizations.require(org)));
    }

    @PutMapping("/{itemId}")
    public ResponseEntity<Map<String, Object>> update(@RequestParam("organization_id") String org,
            @PathVariable String itemId, @RequestBody(required = false) String body) {
        Item item = items.update(org, itemId, JsonBodies.parse(body));
        return BooksEnvelope.ok("Item details have been saved.", "item", item.toJson(organizations.require(org)));
    }

    @PutMapping
    public ResponseEntity<Map<String, Object>> upsert(@RequestParam("organization_id") String org,
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) String body) {
        Upserted<Item> result = items.upsert(org, UniqueKey.from(headers), JsonBodies.parse(body));
        Map<String, Object> json = result.record().toJson(organizations.require(org));
        return result.created() ? BooksEnvelope.created("The item has been added.", "item", json)
                : BooksEnvelope.ok("Item details have been saved.", "item", json);
    }
}
