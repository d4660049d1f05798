package io.dealledger.ledger.candidates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * The answer of {@code GET /api/v1/deals/{dealId}/invoice-candidates}: the Books invoices of the deal's customer
 * that no deal is linked to, with their live Books status; amounts as exact decimal strings.
 */
public record InvoiceCandidatesResponse(String dealId, String accountId, String organizationId, String customerId,
                                        List<Candidate> invoices) {

    /** One Books invoice a person may link to the deal. */
    public record Candidate(String invoiceId, String invoiceNumber, LocalDate date, LocalDate dueDate,
                            String currency, String total, String balance, String status, String invoiceUrl) {

        static Candidate of(Invoice invoice) {
            return new Candidate(invoice.invoiceId(), invoice.invoiceNumber(), invoice.date(), invoice.dueDate(),
                    invoice.currencyCode(), text(invoice.total()), text(invoice.balance()), invoice.status(),
                    invoice.invoiceUrl());
        }

        private static String text(BigDecimal amount) {
            return amount == null ? null : amount.toPlainString();
        }
    }
}
