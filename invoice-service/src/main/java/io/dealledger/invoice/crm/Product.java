package io.dealledger.invoice.crm;

import java.math.BigDecimal;

import io.dealledger.invoice.sku.Sku;

/** A CRM product: matched to a Books item by its SKU (the product code). */
public record Product(String id, String name, String sku, BigDecimal unitPrice, boolean taxable,
                      String booksItemId, String description) {

    public boolean hasSku() {
        return Sku.normalize(sku).length() > 0;
    }
}
