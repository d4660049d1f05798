package io.dealledger.emulator.books.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Money of one customer payment applied to one invoice. */
public record InvoicePayment(String invoicePaymentId, String paymentId, String paymentNumber, String paymentMode,
        String referenceNumber, BigDecimal amount, LocalDate date) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("payment_id", paymentId);
        json.put("payment_number", paymentNumber);
        json.put("invoice_payment_id", invoicePaymentId);
        json.put("payment_mode", paymentMode);
        json.put("reference_number", referenceNumber == null ? "" : referenceNumber);
        json.put("amount", amount);
        json.put("date", date.toString());
        return json;
    }
}
