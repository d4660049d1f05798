package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.dealledger.events.InvoiceIssued;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/** An invoice's identity and terms, as an InvoiceImported carries them. */
public record InvoiceTerms(String invoiceId, String invoiceNumber, String customerId, BigDecimal total,
                           String currency, LocalDate invoiceDate, LocalDate dueDate, String status,
                           String invoiceUrl, BigDecimal subTotal) {

    public static InvoiceTerms of(Invoice invoice) {
        return new InvoiceTerms(invoice.invoiceId(), invoice.invoiceNumber(), invoice.customerId(), invoice.total(),
                invoice.currencyCode(), invoice.date(), invoice.dueDate(), invoice.status(), invoice.invoiceUrl(),
                invoice.subTotal());
    }

    public static InvoiceTerms of(InvoiceIssued issued) {
        return new InvoiceTerms(issued.getInvoiceId(), issued.getInvoiceNumber(), issued.getCustomerId(),
                issued.getTotal(), issued.getCurrency(), issued.getInvoiceDate(), issued.getDueDate(), null,
                issued.getInvoiceUrl(), issued.getSubTotal());
    }
}
