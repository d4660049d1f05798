package io.dealledger.ledger.writeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dealledger.events.DealInvoice;
import io.dealledger.events.DealLedger;
import io.dealledger.events.PaymentStatus;
import io.dealledger.schemas.failures.FailureCategory;

/**
 * The CRM Deal fields dealledger owns (docs/architecture.md §5), by configurable API name, and their values for a
 * ledger. Amounts are {@link BigDecimal}s at the currency's decimals (JSON numbers on the wire); dates are
 * {@code yyyy-MM-dd}; an unknown value is {@code null}, which clears the field. The invoice error leads with its
 * category's label ("Missing tax mapping: …") so a person sees at once whose problem it is.
 */
public record CrmDealFields(String totalInvoiced, String totalPaid, String totalCredited, String outstandingBalance,
                            String overdueAmount, String uninvoicedAmount, String paymentStatus, String invoiceId,
                            String invoiceUrl, String lastPaymentDate, String invoiceError)
        implements CrmRecordFields<DealLedger> {

    public static final String MODULE = "Deals";

    public CrmDealFields {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("total-invoiced", totalInvoiced);
        names.put("total-paid", totalPaid);
        names.put("total-credited", totalCredited);
        names.put("outstanding-balance", outstandingBalance);
        names.put("overdue-amount", overdueAmount);
        names.put("uninvoiced-amount", uninvoicedAmount);
        names.put("payment-status", paymentStatus);
        names.put("invoice-id", invoiceId);
        names.put("invoice-url", invoiceUrl);
        names.put("last-payment-date", lastPaymentDate);
        names.put("invoice-error", invoiceError);
        CrmRecordFields.requireDistinct("dealledger.ledger.crm-write-back.fields", "Deal", names);
    }

    /** The design's defaults (Total_Invoiced, Total_Paid, ...). */
    public static CrmDealFields defaults() {
        return new CrmDealFields("Total_Invoiced", "Total_Paid", "Total_Credited", "Outstanding_Balance",
                "Overdue_Amount", "Uninvoiced_Amount", "Payment_Status", "Invoice_Id", "Invoice_URL",
                "Last_Payment_Date", "Invoice_Error");
    }

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public String recordId(DealLedger ledger) {
        return ledger.getDealId();
    }

    @Override
    public Instant occurredAt(DealLedger ledger) {
        return ledger.getOccurredAt();
    }

    /** The fields for {@code ledger}, in a stable order, by API name. */
    @Override
    public Map<String, Object> valuesOf(DealLedger ledger) {
        Currency currency = Currency.getInstance(ledger.getCurrency());
        DealInvoice latest = latestInvoice(ledger);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(totalInvoiced, amount(ledger.getTotalInvoiced(), currency));
        values.put(totalPaid, amount(ledger.getTotalPaid(), currency));
        values.put(totalCredited, amount(ledger.getTotalCredited(), currency));
        values.put(outstandingBalance, amount(ledger.getOutstanding(), currency));
        values.put(overdueAmount, amount(ledger.getOverdue(), currency));
        values.put(uninvoicedAmount, amount(ledger.getUninvoiced(), currency));
        values.put(paymentStatus, statusText(ledger.getPaymentStatus()));
        values.put(invoiceId, latest == null ? null : latest.getInvoiceId());
        values.put(invoiceUrl, latest == null ? null : latest.getInvoiceUrl());
        LocalDate paidOn = ledger.getLastPaymentDate();
        values.put(lastPaymentDate, paidOn == null ? null : paidOn.toString());
        values.put(invoiceError, invoiceErrorText(ledger));
        return values;
    }

    /** Whether two values of a field are the same for CRM: amounts by value (650.00 = 650), the rest by equality. */
    public static boolean same(Object a, Object b) {
        return CrmRecordFields.same(a, b);
    }

    /**
     * "{@code <category label>: <reasons>}", e.g. "Missing tax mapping: no tax mapping for US-TX", or the reasons
     * alone when they already start with the label ("Books daily API limit reached; will be retried after 00:00
     * PST"); null when cleared.
     */
    static String invoiceErrorText(DealLedger ledger) {
        String error = ledger.getLastInvoiceError();
        if (error == null) {
            return null;
        }
        String category = ledger.getLastInvoiceErrorCategory();
        if (category == null) {
            return error;
        }
        String label = FailureCategory.parse(category).label();
        return error.startsWith(label) ? error : label + ": " + error;
    }

    /** The amount fields' API names (compared as numbers). */
    public boolean isAmount(String apiName) {
        return apiName.equals(totalInvoiced) || apiName.equals(totalPaid) || apiName.equals(totalCredited)
                || apiName.equals(outstandingBalance) || apiName.equals(overdueAmount)
                || apiName.equals(uninvoicedAmount);
    }

    /** The text a person reads on the deal: Not invoiced / Unpaid / Partially paid / Paid / Overdue. */
    static String statusText(PaymentStatus status) {
        return switch (status) {
            case NOT_INVOICED -> "Not invoiced";
            case UNPAID -> "Unpaid";
            case PARTIALLY_PAID -> "Partially paid";
            case PAID -> "Paid";
            case OVERDUE -> "Overdue";
        };
    }

    /**
     * The deal's latest invoice: the not voided invoice with the latest invoice date, then the latest due date (an
     * invoice without a date comes first), then the highest Books id (Books hands them out in increasing order).
     */
    static DealInvoice latestInvoice(DealLedger ledger) {
        return ledger.getInvoices().stream()
                .filter(invoice -> !"void".equals(invoice.getStatus()))
                .max(Comparator.comparing(DealInvoice::getInvoiceDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(DealInvoice::getDueDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(invoice -> invoice.getInvoiceId().length())
                        .thenComparing(DealInvoice::getInvoiceId))
                .orElse(null);
    }

    private static BigDecimal amount(BigDecimal value, Currency currency) {
        return CrmRecordFields.amount(value, currency);
    }
}
