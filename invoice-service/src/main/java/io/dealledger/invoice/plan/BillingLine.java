package io.dealledger.invoice.plan;

import java.math.BigDecimal;

import io.dealledger.invoice.crm.Product;

/** One line of the invoice to be: a CRM product (matched to a Books item later) or a named service line. */
public record BillingLine(Product product, String name, String description, BigDecimal quantity, BigDecimal rate,
                          boolean taxable) {

    public BigDecimal amount() {
        return rate.multiply(quantity);
    }
}
