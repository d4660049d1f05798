package io.dealledger.invoice.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.invoice.sku.ItemCatalog;
import io.dealledger.invoice.sku.Sku;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRecords.Item;

/**
 * What to clean up in one Books organization: items whose SKUs are one SKU once normalized (the
 * duplicate-item trap), and customers that look like one company (tied to the same CRM account, or
 * named the same once case, spaces and punctuation are ignored).
 */
public final class OrganizationAudit {

    public record AuditedItem(String itemId, String name, String sku, String status) {
    }

    public record SkuCollision(String normalizedSku, List<AuditedItem> items) {
    }

    public record AuditedCustomer(String contactId, String contactName, String crmAccountId) {
    }

    public record DuplicateCustomers(String reason, String key, List<AuditedCustomer> customers) {
    }

    public record Report(String organizationId, int itemsChecked, int customersChecked, List<SkuCollision> skuCollisions,
                         List<DuplicateCustomers> duplicateCustomers) {
    }

    private OrganizationAudit() {
    }

    public static Report of(String organizationId, List<Item> items, List<Contact> contacts, String accountIdField) {
        List<SkuCollision> collisions = new ArrayList<>();
        new ItemCatalog(items).collisions().forEach((sku, same) -> collisions.add(new SkuCollision(sku,
                same.stream().map(i -> new AuditedItem(i.itemId(), i.name(), i.sku(), i.status())).toList())));
        List<DuplicateCustomers> duplicates = new ArrayList<>();
        group(contacts, c -> c.customFields().get(accountIdField), "same CRM account id", accountIdField, duplicates);
        group(contacts, c -> Sku.normalize(c.contactName()), "same name once normalized", accountIdField, duplicates);
        return new Report(organizationId, items.size(), contacts.size(), collisions, duplicates);
    }

    private static void group(List<Contact> contacts, java.util.function.Function<Contact, String> key, String reason,
                              String accountIdField, List<DuplicateCustomers> into) {
        Map<String, List<AuditedCustomer>> groups = new LinkedHashMap<>();
        for (Contact contact : contacts) {
            String value = key.apply(contact);
            if (value != null && !value.isBlank()) {
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(new AuditedCustomer(contact.contactId(),
                        contact.contactName(), contact.customFields().get(accountIdField)));
            }
        }
        groups.forEach((value, group) -> {
            if (group.size() > 1) {
                into.add(new DuplicateCustomers(reason, value, List.copyOf(group)));
            }
        });
    }
}
