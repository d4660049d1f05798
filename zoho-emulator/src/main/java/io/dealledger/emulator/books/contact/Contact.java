package io.dealledger.emulator.books.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.customfield.CustomFields;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.clock.ZohoTimestamps;
import io.dealledger.emulator.json.JsonBody;

/**
 * A Books contact (customer). Its {@code contact_name} is the unique display name; its currency (by
 * {@code currency_id}, the org's base currency by default) is the currency of every invoice it gets; its
 * persons each have a {@code contact_person_id}, and the primary one's e-mail is the contact's.
 */
public final class Contact {

    private final String contactId;
    private final Instant createdTime;
    private String contactName;
    private OrgCurrency currency;
    private final List<ContactPerson> persons = new ArrayList<>();
    private final CustomFields customFields = new CustomFields();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private Instant lastModifiedTime;
    private boolean hasTransactions;

    /** Fields kept as given; everything else a client sends is ignored, as Zoho ignores unknown keys. */
    private static final List<String> KEPT = List.of("company_name", "contact_type", "customer_sub_type", "email",
            "phone", "website", "payment_terms", "payment_terms_label", "billing_address", "shipping_address",
            "tax_authority_id", "tax_exemption_id", "is_taxable", "tax_id", "notes", "zcrm_account_id",
            "zcrm_contact_id", "language_code", "vat_treatment", "tax_reg_no");

    Contact(String contactId, String contactName, OrgCurrency currency, Instant now) {
        this.contactId = contactId;
        this.contactName = contactName;
        this.currency = currency;
        this.createdTime = now;
        this.lastModifiedTime = now;
        attributes.put("contact_type", "customer");
        attributes.put("customer_sub_type", "business");
    }

    /** {@code newPersonId} numbers persons without a {@code contact_person_id}; given ones replace their match. */
    void apply(JsonBody body, OrgCurrency newCurrency, Supplier<String> newPersonId, Instant now) {
        if (body.has("contact_name")) {
            contactName = body.string("contact_name");
        }
        if (newCurrency != null) {
            currency = newCurrency;
        }
        for (String key : KEPT) {
            if (body.containsKey(key)) {
                attributes.put(key, body.raw(key));
            }
        }
        if (body.isList("contact_persons")) {
            persons(body.objects("contact_persons"), newPersonId);
        }
        customFields.merge(body);
        lastModifiedTime = now;
    }

    private void persons(List<JsonBody> given, Supplier<String> newPersonId) {
        boolean anyPrimary = given.stream().anyMatch(p -> p.bool("is_primary_contact", false));
        List<ContactPerson> next = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            JsonBody person = given.get(i);
            String id = person.has("contact_person_id") ? person.string("contact_person_id") : newPersonId.get();
            next.add(ContactPerson.from(id, person, anyPrimary ? person.bool("is_primary_contact", false) : i == 0));
        }
        persons.clear();
        persons.addAll(next);
    }

    public String contactId() {
        return contactId;
    }

    public String contactName() {
        return contactName;
    }

    public OrgCurrency currency() {
        return currency;
    }

    public String taxAuthorityId() {
        Object value = attributes.get("tax_authority_id");
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** The contact's e-mail: its own if Books was given one, else its primary person's. */
    public String email() {
        Object own = attributes.get("email");
        if (own != null && !own.toString().isBlank()) {
            return own.toString();
        }
        ContactPerson primary = primary();
        return primary == null ? "" : primary.email();
    }

    public CustomFields customFields() {
        return customFields;
    }

    public Object billingAddress() {
        return attributes.get("billing_address");
    }

    public Object shippingAddress() {
        return attributes.get("shipping_address");
    }

    /** Invoices exist for it: its currency can no longer change. */
    public boolean hasTransactions() {
        return hasTransactions;
    }

    public void transacted() {
        hasTransactions = true;
    }

    Instant lastModifiedTime() {
        return lastModifiedTime;
    }

    Object attribute(String key) {
        return attributes.get(key);
    }

    private ContactPerson primary() {
        return persons.stream().filter(ContactPerson::primary).findFirst().orElse(null);
    }

    /** {@code GET /contacts/{id}} and the answers to writes. */
    public Map<String, Object> toJson(BooksOrganization org) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("contact_id", contactId);
        json.put("contact_name", contactName);
        json.put("company_name", "");
        json.put("has_transaction", hasTransactions);
        json.put("is_linked_with_zohocrm", false);
        json.put("website", "");
        json.put("primary_contact_id", primary() == null ? "" : primary().contactPersonId());
        json.put("payment_terms", 0);
        json.put("payment_terms_label", "Due on Receipt");
        json.put("status", "active");
        json.put("notes", "");
        json.put("is_taxable", true);
        json.put("tax_id", "");
        json.put("tax_name", "");
        json.put("tax_percentage", 0);
        json.put("tax_authority_name", "");
        json.put("tax_exemption_id", "");
        json.put("tax_exemption_code", "");
        json.put("tax_authority_id", "");
        json.put("language_code", "en");
        json.putAll(attributes);
        json.put("email", email());
        json.put("billing_address", address(attributes.get("billing_address")));
        json.put("shipping_address", address(attributes.get("shipping_address")));
        putCurrency(json);
        json.put("custom_fields", customFields.toJson());
        json.put("custom_field_hash", customFields.hash());
        json.put("contact_persons", persons.stream().map(ContactPerson::toJson).toList());
        json.put("created_time", ZohoTimestamps.books(createdTime, org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(lastModifiedTime, org.timeZone()));
        return json;
    }

    /** A row of {@code GET /contacts}: the keys of Zoho's example (the primary person's name and e-mail, no persons). */
    public Map<String, Object> toListJson(BooksOrganization org) {
        Map<String, Object> json = new LinkedHashMap<>();
        ContactPerson primary = primary();
        json.put("contact_id", contactId);
        json.put("contact_name", contactName);
        json.put("company_name", attributes.getOrDefault("company_name", ""));
        json.put("contact_type", attributes.getOrDefault("contact_type", "customer"));
        json.put("status", "active");
        json.put("payment_terms", 0);
        json.put("payment_terms_label", "Due on Receipt");
        putCurrency(json);
        json.put("outstanding_receivable_amount", 0);
        json.put("unused_credits_receivable_amount", 0);
        json.put("first_name", primary == null ? "" : primary.firstName());
        json.put("last_name", primary == null ? "" : primary.lastName());
        json.put("email", email());
        json.put("phone", primary == null ? "" : primary.phone());
        json.put("mobile", primary == null ? "" : primary.mobile());
        // not in Zoho's list example (UNCONFIRMED either way): kept so a list can be filtered by them
        json.put("custom_fields", customFields.toJson());
        json.put("custom_field_hash", customFields.hash());
        json.put("created_time", ZohoTimestamps.books(createdTime, org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(lastModifiedTime, org.timeZone()));
        return json;
    }

    /** A Books address with every key Books answers with, blank where nothing was given. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> address(Object given) {
        Map<String, Object> address = new LinkedHashMap<>();
        for (String key : List.of("attention", "address", "street2", "city", "state", "zip", "country", "fax")) {
            address.put(key, "");
        }
        if (given instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> address.put(key, value == null ? "" : value));
        }
        return address;
    }

    /** The persons an invoice or credit note of this contact is sent to, as they list them. */
    public List<Map<String, Object>> personsAssociated() {
        List<Map<String, Object>> associated = new ArrayList<>();
        ContactPerson primary = primary();
        if (primary != null) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("contact_person_id", primary.contactPersonId());
            person.put("contact_person_name", (primary.firstName() + " " + primary.lastName()).strip());
            person.put("first_name", primary.firstName());
            person.put("last_name", primary.lastName());
            person.put("contact_person_email", primary.email());
            person.put("phone", primary.phone());
            person.put("mobile", primary.mobile());
            person.put("communication_preference", Map.of("is_email_enabled", true, "is_sms_enabled", false,
                    "is_whatsapp_enabled", false));
            associated.add(person);
        }
        return associated;
    }

    private void putCurrency(Map<String, Object> json) {
        json.put("currency_id", currency.currencyId());
        json.put("currency_code", currency.currencyCode());
        json.put("currency_symbol", currency.symbol());
    }
}
