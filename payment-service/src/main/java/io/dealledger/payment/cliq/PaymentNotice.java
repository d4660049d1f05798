package io.dealledger.payment.cliq;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.dealledger.core.money.Money;
import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.zoho.cliq.CliqClient;

/** The Cliq message announcing one payment: per invoice it paid, the deal, invoice number, amount and what is left. */
public final class PaymentNotice {

    private PaymentNotice() {
    }

    /** Null when the ledger counts the payment on no invoice (nothing to announce). */
    public static CliqClient.Message of(String paymentId, Map<String, InvoiceState> invoices) {
        StringBuilder text = new StringBuilder();
        Money total = null;
        for (Map.Entry<String, InvoiceState> entry : new TreeMap<>(invoices).entrySet()) {
            InvoiceState invoice = entry.getValue();
            BigDecimal amount = invoice.payments().get(paymentId);
            if (amount == null) {
                continue;
            }
            // one payment has one currency in Books: Money refuses to sum two
            Money paid = Money.of(amount, invoice.currency());
            total = total == null ? paid : total.plus(paid);
            text.append(text.isEmpty() ? "" : "\n")
                    .append("*").append(amount(amount)).append(' ').append(invoice.currency()).append("* on invoice ")
                    .append(invoice.invoiceNumber() == null ? entry.getKey() : invoice.invoiceNumber())
                    .append(invoice.dealId() == null ? " (no deal linked)" : " for deal " + invoice.dealId());
            if (invoice.imported()) {
                text.append(", remaining balance ").append(amount(invoice.balance())).append(' ').append(invoice.currency());
            }
        }
        if (text.isEmpty()) {
            return null;
        }
        return new CliqClient.Message(text.toString(), "Payment received: " + amount(total.amount()) + " " + total.code());
    }

    private static String amount(BigDecimal amount) {
        // two decimals as people write money, three where the currency has them (KWD, BHD ...)
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() <= 2 ? amount.setScale(2, java.math.RoundingMode.UNNECESSARY) : plain).toPlainString();
    }
}
