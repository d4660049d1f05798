package io.dealledger.invoice.crm;

import java.math.BigDecimal;
import java.util.List;

/** A CRM deal as an invoice push needs it; {@code lines} are empty when the deal lists no products. */
public record Deal(String id, String name, String stage, BigDecimal amount, String currency, String accountId,
                   List<DealLine> lines, String contactId) {

    public Deal {
        lines = List.copyOf(lines);
    }

    /** The reference number on the invoice: the deal's name, or its id when it has none. */
    public String reference() {
        return name == null || name.isBlank() ? id : name;
    }
}
