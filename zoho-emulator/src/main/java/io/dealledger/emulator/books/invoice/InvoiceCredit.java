package io.dealledger.emulator.books.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credit from one credit note applied to one invoice, as the invoice lists it: keyed {@code creditnotes_invoice_id}
 * (plural), with {@code creditnotes_number} and {@code credited_date} (the credit note's own list of invoices names
 * the same application {@code creditnote_invoice_id}).
 */
public record InvoiceCredit(String creditnotesInvoiceId, String creditnoteId, String creditnoteNumber,
        BigDecimal amount, LocalDate date) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creditnote_id", creditnoteId);
        json.put("creditnotes_invoice_id", creditnotesInvoiceId);
        json.put("creditnotes_number", creditnoteNumber);
        json.put("credited_date", date.toString());
        json.put("amount_applied", amount);
        return json;
    }
}
