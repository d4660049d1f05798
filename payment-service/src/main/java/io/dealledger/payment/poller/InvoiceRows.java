package io.dealledger.payment.poller;

import java.math.BigDecimal;
import java.util.Objects;

import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * Whether an invoice as Books' list shows it ({@code total}, {@code balance}, {@code due_date}, {@code status}:
 * Zoho Inventory OAS invoices.yml list-invoices-response) is what the ledger was already told. Every payment,
 * credit, write-off or void changes one of those, so an unchanged row needs no read back; a changed one is read
 * back whole, never taken from the row.
 */
final class InvoiceRows {

    private InvoiceRows() {
    }

    static boolean unchanged(Invoice row, InvoiceState known) {
        if (!known.imported() || known.total() == null) {
            return false;
        }
        boolean voided = "void".equalsIgnoreCase(row.status());
        if (voided != known.voided()) {
            return false;
        }
        return voided || same(row.total(), known.total()) && same(row.balance(), known.balance())
                && Objects.equals(row.dueDate(), known.dueDate());
    }

    private static boolean same(BigDecimal books, BigDecimal ledger) {
        return books != null && ledger != null && books.compareTo(ledger) == 0;
    }
}
