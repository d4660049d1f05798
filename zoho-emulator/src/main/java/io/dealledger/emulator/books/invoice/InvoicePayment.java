package io.dealledger.emulator.books.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Money of one customer payment applied to one invoice. */
public record InvoicePayment(String invoicePaymentId, String paymentId, String paymentNumber, String paymentMode,
        String referenceNumber, BigDecimal amount, LocalDate date) {

    /** As {@code GET /invoices/{id}/payments} lists it, for the invoice {@code invoiceId} at its exchange rate. */
    public Map<String, Object> toJson(String invoiceId, BigDecimal exchangeRate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("payment_id", paymentId);
        json.put("payment_number", paymentNumber);
        json.put("invoice_id", invoiceId);
        json.put("invoice_payment_id", invoicePaymentId);
        json.put("payment_mode", paymentMode);
        json.put("description", "");
        json.put("date", date.toString());
        json.put("reference_number", referenceNumber == null ? "" : referenceNumber);
        json.put("exchange_rate", exchangeRate);
        json.put("amount", amount);
        json.put("tax_amount_withheld", 0);
        json.put("online_transaction_id", "");
        return json;
    }
}
