package io.dealledger.payment.notification;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dealledger.events.NotifiedApplication;
import io.dealledger.events.PaymentReceived;
import io.dealledger.payment.facts.InvoiceState;

/**
 * A payment as its webhook describes it ({@code invoices[].invoice_id} and {@code amount_applied}, normalized by the
 * gateway), beside what the ledger counts. A webhook saying exactly what the ledger holds needs no read back: it
 * comes after the invoice's own webhook made the ledger read the invoice and its payments, which is one read in
 * three when Books sends both at once. A wrong webhook is no worse than a dropped one, which the poller catches,
 * and a later edit of the payment sends a webhook of its own.
 */
final class NotifiedPayments {

    private NotifiedPayments() {
    }

    /** The notified amount applied per invoice (a payment applied to one invoice twice counts there with both). */
    static Map<String, BigDecimal> applications(PaymentReceived payment) {
        Map<String, BigDecimal> applications = new LinkedHashMap<>();
        for (NotifiedApplication application : payment.getApplications()) {
            applications.merge(application.getInvoiceId(), application.getAmountApplied(), BigDecimal::add);
        }
        return applications;
    }

    /**
     * Whether the ledger counts the payment on exactly the notified invoices, each at the notified amount, in the
     * notified currency. A webhook without applications says nothing about them, so it is never "as counted".
     *
     * @param counted the ledger's view of every invoice the payment was counted on (by invoice id)
     */
    static boolean countedAsNotified(PaymentReceived payment, Map<String, InvoiceState> counted) {
        Map<String, BigDecimal> notified = applications(payment);
        if (notified.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, InvoiceState> invoice : counted.entrySet()) {
            BigDecimal amount = invoice.getValue().payments().get(payment.getPaymentId());
            if (amount != null && !notified.containsKey(invoice.getKey())) {
                return false;
            }
        }
        for (Map.Entry<String, BigDecimal> application : notified.entrySet()) {
            InvoiceState invoice = counted.get(application.getKey());
            BigDecimal amount = invoice == null ? null : invoice.payments().get(payment.getPaymentId());
            if (amount == null || amount.compareTo(application.getValue()) != 0 || !invoice.imported()
                    || invoice.voided() || payment.getCurrency() != null
                    && !payment.getCurrency().equals(invoice.currency())) {
                return false;
            }
        }
        return true;
    }
}
