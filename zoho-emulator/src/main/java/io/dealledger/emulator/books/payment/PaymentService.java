package io.dealledger.emulator.books.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.contact.Contact;
import io.dealledger.emulator.books.contact.ContactService;
import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.invoice.Invoice;
import io.dealledger.emulator.books.invoice.InvoicePayment;
import io.dealledger.emulator.books.invoice.InvoiceService;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.OrgRecords;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;
import io.dealledger.emulator.webhooks.BooksEvents;

/**
 * Customer payments: applied across several invoices in one call, partial payments allowed, more than
 * an invoice's balance refused (code 24016). Deleting a payment gives its money back to every invoice.
 */
@Service
public class PaymentService implements Resettable {

    /** The account payments are deposited to: Books' default for received payments. */
    private static final String DEPOSIT_ACCOUNT_ID = "460000000000358";
    private static final String DEPOSIT_ACCOUNT_NAME = "Undeposited Funds";

    private final OrgRecords<CustomerPayment> payments = new OrgRecords<>();
    private final Organizations organizations;
    private final ContactService contacts;
    private final InvoiceService invoices;
    private final BooksIds ids;
    private final EmulatorClock clock;
    private final BooksEvents events;

    public PaymentService(Organizations organizations, ContactService contacts, InvoiceService invoices, BooksIds ids,
            EmulatorClock clock, BooksEvents events) {
        this.organizations = organizations;
        this.contacts = contacts;
        this.invoices = invoices;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public Map<String, Object> create(String orgId, JsonBody body) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            Contact customer = contacts.find(orgId, body.string("customer_id"));
            if (customer == null) {
                throw BooksException.invalid(BooksCodes.CUSTOMER_INVALID, "The Customer field can neither be blank nor incorrect.");
            }
            OrgCurrency currency = customer.currency();
            BigDecimal amount = money(currency, BooksInput.decimal(body, "amount"));
            if (amount == null || amount.signum() <= 0) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invalid value passed for amount: it must be greater than zero.");
            }
            List<Requested> requested = requestedApplications(org, currency, body.objects("invoices"), customer.contactId());
            BigDecimal applied = requested.stream().map(Requested::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (applied.compareTo(amount) > 0) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE,
                        "The amount applied to invoices (" + applied + ") is more than the payment amount (" + amount + ").");
            }
            CustomerPayment payment = new CustomerPayment(ids.next(BooksIds.Kind.PAYMENT), ids.nextNumber(orgId, "", 1),
                    customer.contactId(), customer.contactName(), body.string("payment_mode", "cash"), currency, amount,
                    money(currency, BooksInput.decimal(body, "bank_charges", BigDecimal.ZERO)),
                    BooksInput.date(body, "date", invoices.today(org)), body.string("reference_number", ""),
                    body.string("description", ""), clock.now());
            payment.customFields.merge(body);
            payments.put(orgId, payment.paymentId, payment);
            List<Runnable> invoiceEvents = new ArrayList<>();
            for (Requested application : requested) {
                invoiceEvents.add(allocate(payment, application.invoice(), application.amount()));
            }
            publish(org, payment, "payment_created");
            invoiceEvents.forEach(Runnable::run);
            return toJson(org, payment);
        }
    }

    /** Applies a payment's unused amount to an invoice ({@code POST /invoices/{id}/credits}, {@code invoice_payments}). */
    public void applyUnused(String orgId, String invoiceId, String paymentId, BigDecimal requestedAmount) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            CustomerPayment payment = require(orgId, paymentId);
            Invoice invoice = invoices.require(orgId, invoiceId);
            BigDecimal amount = positive(payment.currency, requestedAmount);
            if (!invoice.customerId().equals(payment.customerId)) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE, "The payment and the invoice belong to different customers.");
            }
            refuseOverPayment(invoice, amount);
            if (amount.compareTo(payment.unused()) > 0) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE,
                        "The amount applied (" + amount + ") is more than the payment's unused amount (" + payment.unused() + ").");
            }
            allocate(payment, invoice, amount).run();
            publish(org, payment, "payment_updated");
        }
    }

    public void delete(String orgId, String paymentId) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            CustomerPayment payment = require(orgId, paymentId);
            Map<String, Object> lastState = toJson(org, payment);
            List<Runnable> invoiceEvents = new ArrayList<>();
            for (CustomerPayment.Allocation allocation : payment.allocations) {
                Invoice invoice = invoices.require(orgId, allocation.invoiceId());
                String before = invoices.status(invoice);
                invoice.removePaymentsOf(paymentId);
                invoiceEvents.add(() -> invoices.changedByMoney(invoice, before));
            }
            payments.remove(orgId, paymentId);
            events.publish(orgId, "customerpayment", "payment_deleted", "payment", lastState);
            invoiceEvents.forEach(Runnable::run);
        }
    }

    public Map<String, Object> get(String orgId, String paymentId) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            return toJson(org, require(orgId, paymentId));
        }
    }

    public List<Map<String, Object>> list(String orgId, Map<String, String> query) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            return payments.all(orgId).stream()
                    .filter(p -> query.get("customer_id") == null || p.customerId.equals(query.get("customer_id")))
                    .filter(p -> query.get("reference_number") == null || p.referenceNumber.equals(query.get("reference_number")))
                    .filter(p -> query.get("invoice_id") == null
                            || p.allocations.stream().anyMatch(a -> a.invoiceId().equals(query.get("invoice_id"))))
                    .sorted((a, b) -> b.paymentId.compareTo(a.paymentId))
                    .map(p -> toListJson(org, p)).toList();
        }
    }

    private record Requested(Invoice invoice, BigDecimal amount) {
    }

    private List<Requested> requestedApplications(BooksOrganization org, OrgCurrency currency, List<JsonBody> rows,
            String customerId) {
        List<Requested> requested = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonBody row : rows) {
            Invoice invoice = invoices.require(org.organizationId(), row.string("invoice_id"));
            if (!seen.add(invoice.invoiceId())) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invoice " + invoice.invoiceNumber() + " is listed more than once.");
            }
            if (!invoice.customerId().equals(customerId)) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE,
                        "Invoice " + invoice.invoiceNumber() + " does not belong to the customer of this payment.");
            }
            BigDecimal amount = positive(currency, BooksInput.decimal(row, "amount_applied"));
            refuseOverPayment(invoice, amount);
            requested.add(new Requested(invoice, amount));
        }
        return requested;
    }

    private void refuseOverPayment(Invoice invoice, BigDecimal amount) {
        if (invoice.isVoid()) {
            throw BooksException.invalid(BooksCodes.INVALID_STATE, "Payments cannot be recorded for the void invoice " + invoice.invoiceNumber() + ".");
        }
        if (amount.compareTo(invoice.balance()) > 0) {
            throw BooksException.invalid(BooksCodes.OVER_PAYMENT, "The amount entered is more than the balance due for this invoice.");
        }
    }

    private Runnable allocate(CustomerPayment payment, Invoice invoice, BigDecimal amount) {
        String before = invoices.status(invoice);
        String invoicePaymentId = ids.next(BooksIds.Kind.APPLICATION);
        invoice.applyPayment(new InvoicePayment(invoicePaymentId, payment.paymentId, payment.paymentNumber,
                payment.paymentMode, payment.referenceNumber, amount, payment.date));
        payment.allocations.add(new CustomerPayment.Allocation(invoicePaymentId, invoice.invoiceId(), amount));
        payment.lastModifiedTime = clock.now();
        return () -> invoices.changedByMoney(invoice, before);
    }

    private CustomerPayment require(String orgId, String paymentId) {
        CustomerPayment payment = paymentId == null ? null : payments.get(orgId, paymentId);
        if (payment == null) {
            throw BooksException.notFound("Payment");
        }
        return payment;
    }

    private static BigDecimal positive(OrgCurrency currency, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invalid value passed for amount_applied: it must be greater than zero.");
        }
        return money(currency, amount);
    }

    private static BigDecimal money(OrgCurrency currency, BigDecimal amount) {
        return amount == null ? null : amount.setScale(currency.scale(), RoundingMode.HALF_UP);
    }

    private void publish(BooksOrganization org, CustomerPayment payment, String event) {
        events.publish(org.organizationId(), "customerpayment", event, "payment", toJson(org, payment));
    }

    /**
     * A row of {@code GET /customerpayments}: a summary with the keys of Zoho's example — no {@code invoices[]}
     * and no {@code last_modified_time}. What a payment is applied to is only in its own answer.
     */
    private Map<String, Object> toListJson(BooksOrganization org, CustomerPayment payment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("payment_id", payment.paymentId);
        json.put("payment_number", payment.paymentNumber);
        json.put("invoice_number", payment.allocations.stream()
                .map(a -> invoices.require(org.organizationId(), a.invoiceId()).invoiceNumber())
                .collect(java.util.stream.Collectors.joining(",")));
        json.put("date", payment.date.toString());
        json.put("payment_mode", payment.paymentMode);
        json.put("amount", payment.amount);
        json.put("bcy_amount", payment.amount.multiply(payment.currency.exchangeRate())
                .setScale(org.currencyScale(), RoundingMode.HALF_UP));
        json.put("unused_amount", payment.unused());
        json.put("account_id", DEPOSIT_ACCOUNT_ID);
        json.put("account_name", DEPOSIT_ACCOUNT_NAME);
        json.put("description", payment.description);
        json.put("reference_number", payment.referenceNumber);
        json.put("customer_id", payment.customerId);
        json.put("customer_name", payment.customerName);
        json.put("location_id", "");
        json.put("location_name", "");
        return json;
    }

    private Map<String, Object> toJson(BooksOrganization org, CustomerPayment payment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("payment_id", payment.paymentId);
        json.put("payment_number", payment.paymentNumber);
        json.put("customer_id", payment.customerId);
        json.put("customer_name", payment.customerName);
        Contact customer = contacts.find(org.organizationId(), payment.customerId);
        json.put("email", customer == null ? "" : customer.email());
        json.put("payment_mode", payment.paymentMode);
        json.put("date", payment.date.toString());
        json.put("status", "success");
        json.put("account_id", DEPOSIT_ACCOUNT_ID);
        json.put("account_name", DEPOSIT_ACCOUNT_NAME);
        json.put("tax_amount_withheld", 0);
        json.put("tax_account_id", "");
        json.put("tax_account_name", "");
        json.put("amount", payment.amount);
        json.put("unused_amount", payment.unused());
        json.put("amount_refunded", BigDecimal.ZERO.setScale(payment.currency.scale()));
        json.put("bank_charges", payment.bankCharges);
        json.put("reference_number", payment.referenceNumber);
        json.put("description", payment.description);
        json.put("currency_id", payment.currency.currencyId());
        json.put("currency_code", payment.currency.currencyCode());
        json.put("currency_symbol", payment.currency.symbol());
        json.put("exchange_rate", payment.currency.exchangeRate());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CustomerPayment.Allocation allocation : payment.allocations) {
            Invoice invoice = invoices.require(org.organizationId(), allocation.invoiceId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("invoice_id", invoice.invoiceId());
            row.put("invoice_payment_id", allocation.invoicePaymentId());
            row.put("invoice_number", invoice.invoiceNumber());
            row.put("date", invoice.date().toString());
            row.put("invoice_amount", invoice.total());
            row.put("amount_applied", allocation.amount());
            row.put("balance_amount", invoice.balance());
            rows.add(row);
        }
        json.put("invoices", rows);
        json.put("custom_fields", payment.customFields.toJson());
        json.put("created_time", io.dealledger.emulator.clock.ZohoTimestamps.books(payment.createdTime, org.timeZone()));
        json.put("last_modified_time", io.dealledger.emulator.clock.ZohoTimestamps.books(payment.lastModifiedTime, org.timeZone()));
        return json;
    }

    @Override
    public void reset() {
        payments.clear();
    }
}
