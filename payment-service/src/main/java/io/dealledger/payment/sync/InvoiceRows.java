package io.dealledger.payment.sync;

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
public final class InvoiceRows {

    private InvoiceRows() {
    }

    public static boolean unchanged(Invoice row, InvoiceState known) {
        return unchanged(row.total(), row.balance(), row.dueDate(), row.status(), known);
    }

    /** The same, for an invoice as a webhook describes it (null where it said nothing: then it is not unchanged). */
    public static boolean unchanged(BigDecimal total, BigDecimal balance, java.time.LocalDate dueDate, String status,
                                    InvoiceState known) {
        if (!known.imported() || known.total() == null || status == null) {
            return false;
        }
        boolean voided = "void".equalsIgnoreCase(status);
        if (voided != known.voided() || !InvoiceState.standingOf(status).equals(known.standing())) {
            return false;
        }
        return voided || same(total, known.total()) && same(balance, known.balance())
                && Objects.equals(dueDate, known.dueDate());
    }

    private static boolean same(BigDecimal books, BigDecimal ledger) {
        return books != null && ledger != null && books.compareTo(ledger) == 0;
    }
}
