package io.dealledger.invoice.crm;

import java.math.BigDecimal;

/** One line of a deal: a quantity of a CRM product at a price. */
public record DealLine(Product product, BigDecimal quantity, BigDecimal rate, String description) {

    public BigDecimal amount() {
        return rate.multiply(quantity);
    }
}
