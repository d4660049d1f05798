package io.dealledger.emulator.books.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.customfield.CustomFields;
import io.dealledger.emulator.books.line.LineItem;
import io.dealledger.emulator.books.line.LineItems;

/**
 * A Books invoice. Its money is derived, never stored twice: {@code balance = total - payment_made -
 * credits_applied - write_off_amount}, always ≥ 0. Its status follows the money (see {@link #status}).
 */
public final class Invoice {

    enum Lifecycle { DRAFT, SENT, VOID }

    private final String invoiceId;
    private final String organizationId;
    private final Instant createdTime;
    private final int scale;
    private final OrgCurrency currency;
    private final CustomFields customFields = new CustomFields();
    private final List<InvoicePayment> payments = new ArrayList<>();
    private final List<InvoiceCredit> credits = new ArrayList<>();
    String invoiceNumber;
    String customerId;
    String customerName;
    LocalDate date;
    LocalDate dueDate;
    String referenceNumber = "";
    List<LineItem> lineItems = List.of();
    BigDecimal shippingCharge;
    BigDecimal adjustment;
    String taxAuthorityId;
    String taxAuthorityName;
    String zcrmPotentialId;
    String zcrmPotentialName;
    String notes = "";
    String terms = "";
    String salespersonName = "";
    Lifecycle lifecycle = Lifecycle.DRAFT;
    boolean emailed;
    BigDecimal writeOffAmount;
    Instant lastModifiedTime;

    BigDecimal exchangeRate;

    /** {@code currency}: its customer's; money is kept at that currency's scale. */
    Invoice(String invoiceId, String organizationId, OrgCurrency currency, BigDecimal exchangeRate, Instant now) {
        this.invoiceId = invoiceId;
        this.organizationId = organizationId;
        this.currency = currency;
        this.exchangeRate = exchangeRate;
        this.scale = currency.scale();
        this.createdTime = now;
        this.lastModifiedTime = now;
        this.shippingCharge = zero();
        this.adjustment = zero();
        this.writeOffAmount = zero();
    }

    public String invoiceId() {
        return invoiceId;
    }

    public String organizationId() {
        return organizationId;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public String customerId() {
        return customerId;
    }

    public LocalDate date() {
        return date;
    }

    public CustomFields customFields() {
        return customFields;
    }

    public OrgCurrency currency() {
        return currency;
    }

    public BigDecimal exchangeRate() {
        return exchangeRate;
    }

    public BigDecimal subTotal() {
        return LineItems.subTotal(lineItems, scale);
    }

    public BigDecimal taxTotal() {
        return LineItems.taxTotal(lineItems, scale);
    }

    public BigDecimal total() {
        return subTotal().add(taxTotal()).add(shippingCharge).add(adjustment);
    }

    public BigDecimal paymentMade() {
        return payments.stream().map(InvoicePayment::amount).reduce(zero(), BigDecimal::add);
    }

    public BigDecimal creditsApplied() {
        return credits.stream().map(InvoiceCredit::amount).reduce(zero(), BigDecimal::add);
    }

    public BigDecimal writeOffAmount() {
        return writeOffAmount;
    }

    public BigDecimal balance() {
        return lifecycle == Lifecycle.VOID ? zero()
                : total().subtract(paymentMade()).subtract(creditsApplied()).subtract(writeOffAmount);
    }

    public boolean isVoid() {
        return lifecycle == Lifecycle.VOID;
    }

    public boolean hasMoneyApplied() {
        return !payments.isEmpty() || !credits.isEmpty() || writeOffAmount.signum() > 0;
    }

    /**
     * draft → sent → partially_paid → paid; overdue when past due with a balance (even if partly paid);
     * void. A fully written-off invoice reads as paid (the emulator's choice).
     */
    public String status(LocalDate today) {
        if (lifecycle == Lifecycle.VOID) {
            return "void";
        }
        if (lifecycle == Lifecycle.DRAFT) {
            return "draft";
        }
        BigDecimal balance = balance();
        if (balance.signum() == 0) {
            return "paid";
        }
        if (dueDate != null && dueDate.isBefore(today)) {
            return "overdue";
        }
        return balance.compareTo(total()) < 0 ? "partially_paid" : "sent";
    }

    public List<InvoicePayment> payments() {
        return List.copyOf(payments);
    }

    public List<InvoiceCredit> credits() {
        return List.copyOf(credits);
    }

    public void applyPayment(InvoicePayment payment) {
        payments.add(payment);
        // money on a draft makes it a real receivable, as recording a payment does in Books
        if (lifecycle == Lifecycle.DRAFT) {
            lifecycle = Lifecycle.SENT;
        }
        assertBalanced();
    }

    public void removePaymentsOf(String paymentId) {
        payments.removeIf(p -> p.paymentId().equals(paymentId));
        assertBalanced();
    }

    public Optional<InvoicePayment> removePayment(String invoicePaymentId) {
        Optional<InvoicePayment> found = payments.stream().filter(p -> p.invoicePaymentId().equals(invoicePaymentId)).findFirst();
        found.ifPresent(payments::remove);
        return found;
    }

    public void applyCredit(InvoiceCredit credit) {
        credits.add(credit);
        if (lifecycle == Lifecycle.DRAFT) {
            lifecycle = Lifecycle.SENT;
        }
        assertBalanced();
    }

    public Optional<InvoiceCredit> removeCredit(String creditnotesInvoiceId) {
        Optional<InvoiceCredit> found = credits.stream().filter(c -> c.creditnotesInvoiceId().equals(creditnotesInvoiceId)).findFirst();
        found.ifPresent(credits::remove);
        return found;
    }

    void touch(Instant now) {
        lastModifiedTime = now;
    }

    Instant createdTime() {
        return createdTime;
    }

    Instant lastModifiedTime() {
        return lastModifiedTime;
    }

    int scale() {
        return scale;
    }

    LocalDate lastPaymentDate() {
        return payments.stream().map(InvoicePayment::date).max(LocalDate::compareTo).orElse(null);
    }

    /** The editable fields, so a rejected edit leaves the invoice as it was. */
    Runnable snapshot() {
        String customerIdBefore = customerId;
        String customerNameBefore = customerName;
        LocalDate dateBefore = date;
        LocalDate dueDateBefore = dueDate;
        String referenceBefore = referenceNumber;
        List<LineItem> linesBefore = lineItems;
        BigDecimal shippingBefore = shippingCharge;
        BigDecimal adjustmentBefore = adjustment;
        String authorityIdBefore = taxAuthorityId;
        String authorityNameBefore = taxAuthorityName;
        String potentialIdBefore = zcrmPotentialId;
        String potentialNameBefore = zcrmPotentialName;
        String notesBefore = notes;
        String termsBefore = terms;
        String salespersonBefore = salespersonName;
        java.util.Map<String, Object> customBefore = customFields.hash();
        return () -> {
            customerId = customerIdBefore;
            customerName = customerNameBefore;
            date = dateBefore;
            dueDate = dueDateBefore;
            referenceNumber = referenceBefore;
            lineItems = linesBefore;
            shippingCharge = shippingBefore;
            adjustment = adjustmentBefore;
            taxAuthorityId = authorityIdBefore;
            taxAuthorityName = authorityNameBefore;
            zcrmPotentialId = potentialIdBefore;
            zcrmPotentialName = potentialNameBefore;
            notes = notesBefore;
            terms = termsBefore;
            salespersonName = salespersonBefore;
            customFields.replaceAll(customBefore);
        };
    }

    /** The ledger invariant; a violation is an emulator bug, never a client error. */
    void assertBalanced() {
        if (balance().signum() < 0) {
            throw new IllegalStateException("invoice " + invoiceId + " would have a negative balance " + balance());
        }
    }

    BigDecimal zero() {
        return BigDecimal.ZERO.setScale(scale);
    }
}
