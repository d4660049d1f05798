package io.dealledger.ledger.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.dealledger.ledger.deal.DealView;
import io.dealledger.core.money.Money;

/**
 * The deal ledger as the gateway serves it: every amount an exact decimal string ("1250.500"), never a float.
 *
 * @param accountId                the deal's latest known CRM account, or null
 * @param lastInvoiceErrorCategory the FailureCategory name of the last invoice error's primary reason, e.g.
 *                                 {@code MISSING_TAX_MAPPING}; null without an error
 * @param linkRejections           refused requests to link an invoice to this deal, the latest per invoice, until
 *                                 that invoice is linked to the deal
 * @param version                  increases with every change of the ledger
 */
public record DealLedgerResponse(String dealId, String organizationId, String accountId, String currency,
                                 String dealValue, String totalInvoiced, String totalPaid, String totalCredited,
                                 String totalRefunded, String writtenOff, String outstanding, String overdue,
                                 String uninvoiced, String paymentStatus, List<Invoice> invoices,
                                 LocalDate lastPaymentDate, String lastInvoiceError, String lastInvoiceErrorCategory,
                                 List<LinkRejection> linkRejections, long version) {

    /** One linked invoice. */
    public record Invoice(String organizationId, String invoiceId, String invoiceNumber, String status, String total,
                          String balance, LocalDate dueDate, String invoiceUrl, LocalDate invoiceDate) {
    }

    /** A refused link request: its code (INVOICE_NOT_FOUND, CUSTOMER_MISMATCH, ...), FailureCategory and reason. */
    public record LinkRejection(String invoiceId, String organizationId, String requestId, String code,
                                String category, String message, Instant occurredAt) {
    }

    static DealLedgerResponse of(DealView view, long version) {
        return new DealLedgerResponse(view.dealId(), view.organizationId(), view.accountId(), view.currency(),
                text(view.dealValue()), text(view.totalInvoiced()), text(view.totalPaid()),
                text(view.totalCredited()), text(view.totalRefunded()), text(view.writtenOff()),
                text(view.outstanding()), text(view.overdue()), text(view.uninvoiced()),
                view.paymentStatus().name(), view.invoices().stream()
                .map(line -> new Invoice(line.invoice().organizationId(), line.invoice().invoiceId(), line.number(),
                        line.status(), text(line.total()), text(line.balance()), line.dueDate(), line.url(),
                        line.invoiceDate()))
                .toList(), view.lastPaymentDate(), view.lastInvoiceError(), view.lastInvoiceErrorCategory(),
                view.linkRejections().stream().map(rejection -> new LinkRejection(rejection.invoice().invoiceId(),
                        rejection.invoice().organizationId(), rejection.requestId(), rejection.code(),
                        rejection.category(), rejection.message(), rejection.occurredAt())).toList(),
                version);
    }

    static String text(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }
}
