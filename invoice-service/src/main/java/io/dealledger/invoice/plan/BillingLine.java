package io.dealledger.invoice.plan;

import java.math.BigDecimal;
import java.util.Currency;

import io.dealledger.core.money.Money;
import io.dealledger.invoice.crm.Product;

/** One line of the invoice to be: a CRM product (matched to a Books item later) or a named service line. */
public record BillingLine(Product product, String name, String description, BigDecimal quantity, BigDecimal rate,
                          boolean taxable) {

    /** The line's {@code item_total} as Books computes it: rate times quantity, rounded to the currency's minor unit. */
    public Money amount(Currency currency) {
        return Money.rounded(rate.multiply(quantity), currency);
    }
}
