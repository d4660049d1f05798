package io.dealledger.core.invoice;

import java.time.LocalDate;
import java.util.Currency;

import io.dealledger.core.money.Money;

/**
 * What one invoice contributes to its deal, derived from the invoice's distinct facts. Amounts are null only
 * while no fact has named a currency yet (a link that arrived before anything else).
 *
 * @param dealId      the deal the invoice is linked to, or null
 * @param imported    whether the invoice itself (InvoiceImported) has been seen; only imported invoices count
 * @param voided      a voided invoice counts nothing: 0 invoiced, 0 outstanding
 * @param status      Books' status as last stated (draft, sent, overdue, partially_paid, paid, void, ...), or null
 * @param balance     total − paid − credited − written off; 0 for an invoice that does not count (voided, draft).
 *                    It may be negative while a fact is still on its way (a payment seen before the invoice's raised
 *                    total): the ledger converges once the history is complete
 * @param billed      the amount before tax (Books sub_total) where known, else the total: what the deal value,
 *                    which CRM holds before tax, is measured against for the uninvoiced amount
 * @param invoiceDate the invoice's date: the latest import's, else the one it was issued with, else null
 */
public record InvoiceView(InvoiceRef invoice, String dealId, boolean imported, boolean voided, String number,
                          String customerId, String url, Currency currency, Money total, Money paid, Money credited,
                          Money refunded, Money writtenOff, Money balance, LocalDate dueDate,
                          LocalDate lastPaymentDate, Money billed, LocalDate invoiceDate, String status) {

    /** A view whose status no fact stated (it counts like a sent invoice). */
    public InvoiceView(InvoiceRef invoice, String dealId, boolean imported, boolean voided, String number,
                       String customerId, String url, Currency currency, Money total, Money paid, Money credited,
                       Money refunded, Money writtenOff, Money balance, LocalDate dueDate, LocalDate lastPaymentDate,
                       Money billed, LocalDate invoiceDate) {
        this(invoice, dealId, imported, voided, number, customerId, url, currency, total, paid, credited, refunded,
                writtenOff, balance, dueDate, lastPaymentDate, billed, invoiceDate, null);
    }

    /** Books keeps drafts out of receivables: a draft is invoiced once it is sent. */
    public boolean draft() {
        return "draft".equalsIgnoreCase(status);
    }

    /** Counts in its deal's sums: imported, not voided, not a draft. */
    public boolean counted() {
        return imported && !voided && !draft();
    }

    /** Past due on {@code today}: an unpaid balance and a due date before today. */
    public boolean overdueOn(LocalDate today) {
        return counted() && balance.isPositive() && dueDate != null && dueDate.isBefore(today);
    }

    /** Still owes money and has a due date, so the clock alone can change its status. */
    public boolean awaitingDueDate(LocalDate today) {
        return counted() && balance.isPositive() && dueDate != null && !dueDate.isBefore(today);
    }
}
