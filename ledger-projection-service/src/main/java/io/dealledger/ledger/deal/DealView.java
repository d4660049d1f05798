package io.dealledger.ledger.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.money.Money;

/**
 * A deal's ledger as of one day: every amount in the deal's currency. {@code dealValue} and {@code uninvoiced}
 * are null when no deal value is known. Invoices in another currency are listed (status
 * {@code currency_mismatch:<code>}) but never summed.
 *
 * @param accountId                the deal's latest known CRM account, or null
 * @param lastInvoiceErrorCategory the {@code FailureCategory} name of {@code lastInvoiceError}'s primary reason
 * @param linkRejections           the standing refusals to link an invoice to this deal, by invoice
 */
public record DealView(String dealId, String organizationId, String accountId, String currency, Money dealValue,
                       Money totalInvoiced, Money totalPaid, Money totalCredited, Money totalRefunded, Money writtenOff,
                       Money outstanding, Money overdue, int overdueInvoices, Money uninvoiced,
                       PaymentStatus paymentStatus, List<Line> invoices, LocalDate lastPaymentDate,
                       String lastInvoiceError, String lastInvoiceErrorCategory, List<LinkRejection> linkRejections) {

    public DealView {
        invoices = List.copyOf(invoices);
        linkRejections = linkRejections == null ? List.of() : List.copyOf(linkRejections);
    }

    /** One invoice as the deal lists it. */
    public record Line(InvoiceRef invoice, String number, String status, Money total, Money balance,
                       LocalDate dueDate, String url, LocalDate invoiceDate) {
    }

    /**
     * A refused request to link {@code invoice} to this deal (the latest per invoice), shown until the invoice is
     * linked to the deal by a later link.
     *
     * @param category a {@code FailureCategory} name
     */
    public record LinkRejection(InvoiceRef invoice, String requestId, String code, String category, String message,
                                Instant occurredAt) {
    }

    /** The roll-up status shown on the deal. */
    public enum PaymentStatus {
        NOT_INVOICED, UNPAID, PARTIALLY_PAID, PAID, OVERDUE
    }

    /** Invoice statuses as the ledger sees them (not Books' own status). */
    public static final class InvoiceStatus {
        public static final String VOID = "void";
        public static final String PAID = "paid";
        public static final String OVERDUE = "overdue";
        public static final String PARTIALLY_PAID = "partially_paid";
        public static final String UNPAID = "unpaid";
        public static final String CURRENCY_MISMATCH = "currency_mismatch:";

        private InvoiceStatus() {
        }
    }
}
