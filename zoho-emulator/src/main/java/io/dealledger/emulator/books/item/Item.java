package io.dealledger.emulator.books.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.books.customfield.CustomFields;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.clock.ZohoTimestamps;
import io.dealledger.emulator.json.JsonBody;

/** A Books item. Its SKU is unique only as an exact string: "AB-100 ", "ab-100" and "AB100" are three items. */
public final class Item {

    private static final List<String> KEPT = List.of("description", "unit", "product_type", "item_type", "tax_id",
            "is_taxable", "account_id", "zcrm_product_id", "status");

    private final String itemId;
    private final Instant createdTime;
    private String name;
    private String sku;
    private BigDecimal rate = BigDecimal.ZERO;
    private final CustomFields customFields = new CustomFields();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private Instant lastModifiedTime;

    Item(String itemId, Instant now) {
        this.itemId = itemId;
        this.createdTime = now;
        this.lastModifiedTime = now;
        attributes.put("status", "active");
        attributes.put("product_type", "goods");
        attributes.put("item_type", "sales");
    }

    void apply(JsonBody body, BigDecimal newRate, Instant now) {
        if (body.has("name")) {
            name = body.string("name");
        }
        if (body.containsKey("sku")) {
            sku = body.string("sku");
        }
        if (newRate != null) {
            rate = newRate;
        }
        for (String key : KEPT) {
            if (body.containsKey(key)) {
                attributes.put(key, body.raw(key));
            }
        }
        customFields.merge(body);
        lastModifiedTime = now;
    }

    public String itemId() {
        return itemId;
    }

    public String name() {
        return name;
    }

    public String sku() {
        return sku;
    }

    public BigDecimal rate() {
        return rate;
    }

    public String description() {
        Object value = attributes.get("description");
        return value == null ? "" : value.toString();
    }

    public String status() {
        return String.valueOf(attributes.get("status"));
    }

    public CustomFields customFields() {
        return customFields;
    }

    public Map<String, Object> toJson(BooksOrganization org) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item_id", itemId);
        json.put("name", name);
        json.put("sku", sku == null ? "" : sku);
        json.put("rate", rate);
        json.put("description", "");
        json.put("source", "user");
        json.put("is_linked_with_zohocrm", false);
        json.put("is_taxable", true);
        json.put("tax_id", "");
        json.put("tax_name", "");
        json.put("tax_percentage", 0);
        json.put("tax_type", "");
        json.put("unit", "");
        json.putAll(attributes);
        json.put("custom_fields", customFields.toJson());
        json.put("custom_field_hash", customFields.hash());
        json.put("created_time", ZohoTimestamps.books(createdTime, org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(lastModifiedTime, org.timeZone()));
        return json;
    }
}
