package io.dealledger.emulator.books.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.customfield.CustomFields;

/**
 * Money received from a customer, applied across one or more invoices; what is not applied stays as the
 * payment's {@code unused_amount} and can be applied later.
 */
final class CustomerPayment {

    record Allocation(String invoicePaymentId, String invoiceId, BigDecimal amount) {
    }

    final String paymentId;
    final String paymentNumber;
    final String customerId;
    final String customerName;
    final String paymentMode;
    final OrgCurrency currency;
    final BigDecimal amount;
    final BigDecimal bankCharges;
    final LocalDate date;
    final String referenceNumber;
    final String description;
    final Instant createdTime;
    final CustomFields customFields = new CustomFields();
    final List<Allocation> allocations = new ArrayList<>();
    Instant lastModifiedTime;

    CustomerPayment(String paymentId, String paymentNumber, String customerId, String customerName, String paymentMode,
            OrgCurrency currency, BigDecimal amount, BigDecimal bankCharges, LocalDate date, String referenceNumber,
            String description, Instant now) {
        this.currency = currency;
        this.paymentId = paymentId;
        this.paymentNumber = paymentNumber;
        this.customerId = customerId;
        this.customerName = customerName;
        this.paymentMode = paymentMode;
        this.amount = amount;
        this.bankCharges = bankCharges;
        this.date = date;
        this.referenceNumber = referenceNumber;
        this.description = description;
        this.createdTime = now;
        this.lastModifiedTime = now;
    }

    BigDecimal applied() {
        return allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal unused() {
        return amount.subtract(applied());
    }
}
