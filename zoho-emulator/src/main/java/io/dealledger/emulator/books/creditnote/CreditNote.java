package io.dealledger.emulator.books.creditnote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.customfield.CustomFields;
import io.dealledger.emulator.books.line.LineItem;
import io.dealledger.emulator.books.line.LineItems;

/** A credit note: its total is used by applying it to invoices or refunding it; {@code balance} is what is left. */
final class CreditNote {

    record Application(String creditnotesInvoiceId, String invoiceId, String invoiceNumber, BigDecimal amount, LocalDate date) {
    }

    record Refund(String refundId, LocalDate date, String refundMode, String referenceNumber, BigDecimal amount,
            String description) {
    }

    final String creditnoteId;
    final String creditnoteNumber;
    final String customerId;
    final String customerName;
    final LocalDate date;
    final String referenceNumber;
    final List<LineItem> lineItems;
    final OrgCurrency currency;
    final int scale;
    final Instant createdTime;
    final CustomFields customFields = new CustomFields();
    final List<Application> applications = new ArrayList<>();
    final List<Refund> refunds = new ArrayList<>();
    boolean voided;
    Instant lastModifiedTime;

    CreditNote(String creditnoteId, String creditnoteNumber, String customerId, String customerName, LocalDate date,
            String referenceNumber, List<LineItem> lineItems, OrgCurrency currency, Instant now) {
        this.creditnoteId = creditnoteId;
        this.creditnoteNumber = creditnoteNumber;
        this.customerId = customerId;
        this.customerName = customerName;
        this.date = date;
        this.referenceNumber = referenceNumber;
        this.lineItems = lineItems;
        this.currency = currency;
        this.scale = currency.scale();
        this.createdTime = now;
        this.lastModifiedTime = now;
    }

    BigDecimal total() {
        return LineItems.subTotal(lineItems, scale).add(LineItems.taxTotal(lineItems, scale));
    }

    BigDecimal applied() {
        return applications.stream().map(Application::amount).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }

    BigDecimal refunded() {
        return refunds.stream().map(Refund::amount).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }

    BigDecimal balance() {
        return voided ? BigDecimal.ZERO.setScale(scale) : total().subtract(applied()).subtract(refunded());
    }

    /** open while credit is left, closed when all of it is applied or refunded, void when voided. */
    String status() {
        if (voided) {
            return "void";
        }
        return balance().signum() == 0 ? "closed" : "open";
    }
}
