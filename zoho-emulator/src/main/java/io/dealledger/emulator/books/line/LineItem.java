package io.dealledger.emulator.books.line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of an invoice or credit note. Amounts are BigDecimal at the org currency's scale; the line's
 * tax is its total times the tax rate, rounded half-up per line.
 */
public record LineItem(String lineItemId, String itemId, String name, String description, String sku,
        BigDecimal rate, BigDecimal quantity, BigDecimal discountAmount, String taxId, String taxName,
        BigDecimal taxPercentage, int itemOrder, int scale) {

    public BigDecimal itemTotal() {
        return rate.multiply(quantity).subtract(discountAmount).setScale(scale, RoundingMode.HALF_UP);
    }

    public BigDecimal taxAmount() {
        if (taxPercentage == null) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return itemTotal().multiply(taxPercentage).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_UP);
    }

    public boolean isTaxed() {
        return taxId != null && taxPercentage != null && taxPercentage.signum() > 0;
    }

    /** {@code exchangeRate}: the record's, so {@code bcy_rate} is the rate in the org's base currency. */
    public Map<String, Object> toJson(BigDecimal exchangeRate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line_item_id", lineItemId);
        json.put("item_id", itemId == null ? "" : itemId);
        json.put("project_id", "");
        json.put("time_entry_ids", "");
        json.put("expense_id", "");
        json.put("expense_receipt_name", "");
        json.put("name", name);
        json.put("description", description == null ? "" : description);
        json.put("sku", sku == null ? "" : sku);
        json.put("item_order", itemOrder);
        json.put("bcy_rate", rate.multiply(exchangeRate).setScale(scale, RoundingMode.HALF_UP));
        json.put("rate", rate);
        json.put("unit", "");
        json.put("quantity", quantity);
        json.put("discount_amount", discountAmount);
        json.put("discount", discountAmount);
        json.put("tax_id", taxId == null ? "" : taxId);
        json.put("tax_name", taxName == null ? "" : taxName);
        json.put("tax_type", taxId == null ? "" : "tax");
        json.put("tax_percentage", taxPercentage == null ? BigDecimal.ZERO : taxPercentage);
        json.put("item_total", itemTotal());
        return json;
    }
}
