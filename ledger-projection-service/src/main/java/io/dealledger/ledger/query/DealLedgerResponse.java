package io.dealledger.ledger.query;

import java.time.LocalDate;
import java.util.List;

import io.dealledger.ledger.deal.DealView;
import io.dealledger.ledger.money.Money;

/**
 * The deal ledger as the gateway serves it: every amount an exact decimal string ("1250.500"), never a float.
 *
 * @param version increases with every change of the ledger
 */
public record DealLedgerResponse(String dealId, String organizationId, String currency, String dealValue,
                                 String totalInvoiced, String totalPaid, String totalCredited, String totalRefunded,
                                 String writtenOff, String outstanding, String overdue, String uninvoiced,
                                 String paymentStatus, List<Invoice> invoices, LocalDate lastPaymentDate,
                                 String lastInvoiceError, long version) {

    /** One linked invoice. */
    public record Invoice(String organizationId, String invoiceId, String invoiceNumber, String status, String total,
                          String balance, LocalDate dueDate, String invoiceUrl) {
    }

    static DealLedgerResponse of(DealView view, long version) {
        return new DealLedgerResponse(view.dealId(), view.organizationId(), view.currency(), text(view.dealValue()),
                text(view.totalInvoiced()), text(view.totalPaid()), text(view.totalCredited()),
                text(view.totalRefunded()), text(view.writtenOff()), text(view.outstanding()), text(view.overdue()),
                text(view.uninvoiced()), view.paymentStatus().name(), view.invoices().stream()
                .map(line -> new Invoice(line.invoice().organizationId(), line.invoice().invoiceId(), line.number(),
                        line.status(), text(line.total()), text(line.balance()), line.dueDate(), line.url()))
                .toList(), view.lastPaymentDate(), view.lastInvoiceError(), version);
    }

    private static String text(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }
}
