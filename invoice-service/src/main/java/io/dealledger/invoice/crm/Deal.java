package io.dealledger.invoice.crm;

import java.math.BigDecimal;
import java.util.List;

/**
 * A CRM deal as an invoice push needs it; {@code lines} are empty when the deal lists no products.
 * {@code linesUnreadable} says why CRM would not list the deal's products (null when it did): such a deal is
 * refused, never billed as one line for its amount.
 */
public record Deal(String id, String name, String stage, BigDecimal amount, String currency, String accountId,
                   List<DealLine> lines, String contactId, String linesUnreadable) {

    public Deal {
        lines = List.copyOf(lines);
    }

    public Deal(String id, String name, String stage, BigDecimal amount, String currency, String accountId,
                List<DealLine> lines, String contactId) {
        this(id, name, stage, amount, currency, accountId, lines, contactId, null);
    }

    /** The reference number on the invoice: the deal's name, or its id when it has none. */
    public String reference() {
        return name == null || name.isBlank() ? id : name;
    }
}
