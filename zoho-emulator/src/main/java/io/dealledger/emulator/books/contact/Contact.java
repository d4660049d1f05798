package io.dealledger.emulator.books.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.books.customfield.CustomFields;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.clock.ZohoTimestamps;
import io.dealledger.emulator.json.JsonBody;

/** A Books contact (customer). Its {@code contact_name} is the unique display name. */
public final class Contact {

    private final String contactId;
    private final Instant createdTime;
    private String contactName;
    private final CustomFields customFields = new CustomFields();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private Instant lastModifiedTime;

    /** Fields kept as given; everything else a client sends is ignored, as Zoho ignores unknown keys. */
    private static final List<String> KEPT = List.of("company_name", "contact_type", "customer_sub_type", "email",
            "phone", "website", "currency_code", "payment_terms", "payment_terms_label", "billing_address",
            "shipping_address", "contact_persons", "tax_authority_id", "tax_exemption_id", "is_taxable", "tax_id",
            "notes", "zcrm_account_id", "zcrm_contact_id", "language_code", "vat_treatment", "tax_reg_no");

    Contact(String contactId, String contactName, Instant now) {
        this.contactId = contactId;
        this.contactName = contactName;
        this.createdTime = now;
        this.lastModifiedTime = now;
        attributes.put("contact_type", "customer");
        attributes.put("customer_sub_type", "business");
    }

    void apply(JsonBody body, Instant now) {
        if (body.has("contact_name")) {
            contactName = body.string("contact_name");
        }
        for (String key : KEPT) {
            if (body.containsKey(key)) {
                attributes.put(key, body.raw(key));
            }
        }
        customFields.merge(body);
        lastModifiedTime = now;
    }

    public String contactId() {
        return contactId;
    }

    public String contactName() {
        return contactName;
    }

    public String taxAuthorityId() {
        Object value = attributes.get("tax_authority_id");
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public String email() {
        Object value = attributes.get("email");
        return value == null ? "" : value.toString();
    }

    public CustomFields customFields() {
        return customFields;
    }

    Instant lastModifiedTime() {
        return lastModifiedTime;
    }

    Object attribute(String key) {
        return attributes.get(key);
    }

    public Map<String, Object> toJson(BooksOrganization org) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("contact_id", contactId);
        json.put("contact_name", contactName);
        json.put("company_name", "");
        json.put("status", "active");
        json.put("currency_code", org.currencyCode());
        json.put("currency_id", org.currencyId());
        json.putAll(attributes);
        json.put("custom_fields", customFields.toJson());
        json.put("custom_field_hash", customFields.hash());
        json.put("contact_persons", attributes.getOrDefault("contact_persons", new ArrayList<>()));
        json.put("created_time", ZohoTimestamps.books(createdTime, org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(lastModifiedTime, org.timeZone()));
        return json;
    }
}
