package io.dealledger.invoice.crm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The CRM fields invoice-service reads and writes (prefix {@code dealledger.invoice.crm}); every default is in
 * application.yml, and a missing or empty one fails start-up naming its key.
 *
 * @param lineItemsSubform Deals subform holding the line items (rows: Product_Name lookup, Quantity, List_Price)
 * @param legalEntityField Accounts field naming the legal entity, which picks the Books organization
 * @param customerIdField  Accounts field invoice-service writes the Books customer id to
 * @param itemIdField      Products field invoice-service writes the Books item id to
 * @param skuField         Products field holding the SKU
 */
@ConfigurationProperties("dealledger.invoice.crm")
public record CrmFields(String lineItemsSubform, String legalEntityField, String customerIdField, String itemIdField,
                        String skuField) {

    public CrmFields {
        requireName(lineItemsSubform, "line-items-subform", "a Deals subform API name");
        requireName(legalEntityField, "legal-entity-field", "an Accounts field API name");
        requireName(customerIdField, "customer-id-field", "an Accounts field API name");
        requireName(itemIdField, "item-id-field", "a Products field API name");
        requireName(skuField, "sku-field", "a Products field API name");
    }

    private static void requireName(String name, String key, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dealledger.invoice.crm." + key + " must be " + what);
        }
    }
}
