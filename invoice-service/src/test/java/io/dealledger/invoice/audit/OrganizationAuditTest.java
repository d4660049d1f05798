package io.dealledger.invoice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.dealledger.invoice.sku.ItemCatalog;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRecords.Item;
import org.junit.jupiter.api.Test;

class OrganizationAuditTest {

    @Test
    void itemsWhoseSkusCollideAfterNormalizationAndLookalikeCustomersAreListed() {
        List<Item> items = List.of(item("1", "SV-300"), item("2", "sv-300 "), item("3", "RA-100"), item("4", null));
        List<Contact> contacts = List.of(contact("c1", "Globex Corporation", "acc1"), contact("c2", "GLOBEX corporation.", null),
                contact("c3", "Soylent", "acc2"), contact("c4", "Soylent Corp", "acc2"));

        OrganizationAudit.Report report = OrganizationAudit.of("org", items, contacts, "cf_crm_account_id");

        assertThat(report.skuCollisions()).singleElement().satisfies(c -> {
            assertThat(c.normalizedSku()).isEqualTo("SV300");
            assertThat(c.items()).extracting(OrganizationAudit.AuditedItem::itemId).containsExactly("1", "2");
        });
        assertThat(report.duplicateCustomers()).extracting(OrganizationAudit.DuplicateCustomers::reason,
                        d -> d.customers().stream().map(OrganizationAudit.AuditedCustomer::contactId).toList())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("same CRM account id", List.of("c3", "c4")),
                        org.assertj.core.groups.Tuple.tuple("same name once normalized", List.of("c1", "c2")));
    }

    @Test
    void theCatalogPrefersTheActiveItemWithTheLowestId() {
        ItemCatalog catalog = new ItemCatalog(List.of(item("9", "ab-1"), new Item("5", "old", "AB1", BigDecimal.ONE,
                "inactive", Map.of()), item("7", "AB 1")));

        assertThat(catalog.match("Ab-1")).map(Item::itemId).contains("7");
        assertThat(catalog.match("ZZ")).isEmpty();
    }

    private static Item item(String id, String sku) {
        return new Item(id, "Item " + id, sku, BigDecimal.ONE, "active", Map.of());
    }

    private static Contact contact(String id, String name, String accountId) {
        return new Contact(id, name, name, "USD", "active", accountId == null ? Map.of() : Map.of("cf_crm_account_id", accountId));
    }
}
