package io.dealledger.emulator.books.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.contact.Contact;
import io.dealledger.emulator.books.contact.ContactService;
import io.dealledger.emulator.books.currency.Currencies;
import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.customfield.PreventDuplicates;
import io.dealledger.emulator.books.customfield.UniqueKey;
import io.dealledger.emulator.books.customfield.Upserted;
import io.dealledger.emulator.books.line.LineItems;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.OrgRecords;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.books.tax.TaxService;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;
import io.dealledger.emulator.webhooks.BooksEvents;

/**
 * Invoices of every organization: creation with Books' validations (including the US tax-authority
 * trap), edits, status changes, write-off. Every change takes the org lock and, once saved, publishes
 * the invoice to the org's webhooks.
 */
@Service
public class InvoiceService implements Resettable {

    private final OrgRecords<Invoice> invoices = new OrgRecords<>();
    private final Organizations organizations;
    private final ContactService contacts;
    private final TaxAuthorityRule taxAuthorityRule;
    private final LineItems lineItems;
    private final BooksIds ids;
    private final EmulatorClock clock;
    private final BooksEvents events;
    private final String invoiceUrlBase;
    private final PreventDuplicates preventDuplicates;
    private final Currencies currencies;

    public InvoiceService(Organizations organizations, ContactService contacts, TaxService taxes, LineItems lineItems,
            BooksIds ids, EmulatorClock clock, BooksEvents events, EmulatorProperties properties,
            PreventDuplicates preventDuplicates, Currencies currencies) {
        this.organizations = organizations;
        this.contacts = contacts;
        this.taxAuthorityRule = new TaxAuthorityRule(contacts, taxes);
        this.lineItems = lineItems;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.invoiceUrlBase = properties.books().invoiceUrlBase();
        this.preventDuplicates = preventDuplicates;
        this.currencies = currencies;
    }

    public Invoice create(String orgId, JsonBody body, boolean send, boolean ignoreAutoNumber) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            Contact customer = contacts.require(orgId, BooksInput.required(body, "customer_id"));
            OrgCurrency currency = currency(orgId, body, customer);
            Invoice invoice = new Invoice(ids.next(BooksIds.Kind.INVOICE), orgId, currency,
                    exchangeRate(body, currency), clock.now());
            fill(org, invoice, body, true);
            if (ignoreAutoNumber && body.has("invoice_number")) {
                refuseDuplicateNumber(orgId, body.string("invoice_number"), null);
                invoice.invoiceNumber = body.string("invoice_number");
            } else {
                invoice.invoiceNumber = ids.nextNumber(orgId, "INV-", 6);
            }
            refuseDuplicateUniqueFields(orgId, invoice);
            if (send) {
                invoice.lifecycle = Invoice.Lifecycle.SENT;
                invoice.emailed = true;
            }
            invoices.put(orgId, invoice.invoiceId(), invoice);
            customer.transacted();
            publish(org, invoice, "invoice_created");
            return invoice;
        }
    }

    public Invoice update(String orgId, String invoiceId, JsonBody body) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            Invoice invoice = require(orgId, invoiceId);
            if (invoice.isVoid()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "A void invoice cannot be edited. Mark it as draft first.");
            }
            String before = invoice.status(today(org));
            BigDecimal settled = invoice.paymentMade().add(invoice.creditsApplied()).add(invoice.writeOffAmount());
            if (body.has("customer_id") && !body.string("customer_id").equals(invoice.customerId) && invoice.hasMoneyApplied()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "The customer of an invoice with payments or credits cannot be changed.");
            }
            Runnable restore = invoice.snapshot();
            try {
                fill(org, invoice, body, false);
                if (invoice.total().compareTo(settled) < 0) {
                    throw BooksException.invalid(BooksCodes.INVALID_STATE,
                            "The invoice total cannot be less than the amount already paid, credited or written off (" + settled + ").");
                }
                refuseDuplicateUniqueFields(orgId, invoice);
            } catch (RuntimeException e) {
                restore.run();
                throw e;
            }
            invoice.touch(clock.now());
            publishChange(org, invoice, before);
            return invoice;
        }
    }

    public Upserted<Invoice> upsert(String orgId, UniqueKey key, JsonBody body, boolean send) {
        preventDuplicates.requireUpsertKey("invoice", key);
        synchronized (organizations.lock(orgId)) {
            List<Invoice> matches = invoices.all(orgId).stream()
                    .filter(i -> i.customFields().matches(key.apiName(), key.value())).toList();
            if (matches.size() > 1) {
                throw BooksException.invalid(BooksCodes.DUPLICATE, "More than one invoice has " + key.apiName() + " = " + key.value() + ".");
            }
            if (matches.size() == 1) {
                return new Upserted<>(update(orgId, matches.get(0).invoiceId(), body), false);
            }
            if (!key.upsert()) {
                throw BooksException.notFound("Invoice");
            }
            body.asMap().putIfAbsent("custom_fields", List.of());
            Invoice created = create(orgId, body, send, false);
            created.customFields().put(key.apiName(), key.value());
            return new Upserted<>(created, true);
        }
    }

    public void delete(String orgId, String invoiceId) {
        synchronized (organizations.lock(orgId)) {
            Invoice invoice = require(orgId, invoiceId);
            if (invoice.hasMoneyApplied()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "Invoices with payments, credits or a write-off cannot be deleted.");
            }
            invoices.remove(orgId, invoiceId);
        }
    }

    public Invoice markSent(String orgId, String invoiceId) {
        return transition(orgId, invoiceId, invoice -> {
            if (invoice.isVoid()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "A void invoice cannot be marked as sent.");
            }
            invoice.lifecycle = Invoice.Lifecycle.SENT;
        });
    }

    public Invoice markVoid(String orgId, String invoiceId) {
        return transition(orgId, invoiceId, invoice -> {
            if (invoice.hasMoneyApplied()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE,
                        "An invoice with payments, credits or a write-off cannot be voided. Remove them first.");
            }
            invoice.lifecycle = Invoice.Lifecycle.VOID;
        });
    }

    public Invoice markDraft(String orgId, String invoiceId) {
        return transition(orgId, invoiceId, invoice -> {
            if (invoice.hasMoneyApplied()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "An invoice with payments or credits cannot be marked as draft.");
            }
            invoice.lifecycle = Invoice.Lifecycle.DRAFT;
        });
    }

    public Invoice writeOff(String orgId, String invoiceId) {
        return transition(orgId, invoiceId, invoice -> {
            if (invoice.lifecycle != Invoice.Lifecycle.SENT || invoice.balance().signum() == 0) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "Only a sent invoice with a balance due can be written off.");
            }
            // a balance raised by an edit after a write-off is written off on top of it (UNCONFIRMED: Books does
            // not say; docs/zoho-api-notes.md): the amount written off is what the invoice no longer asks for
            invoice.writeOffAmount = invoice.writeOffAmount().add(invoice.balance());
        });
    }

    public Invoice cancelWriteOff(String orgId, String invoiceId) {
        return transition(orgId, invoiceId, invoice -> {
            if (invoice.writeOffAmount().signum() == 0) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "This invoice has not been written off.");
            }
            invoice.writeOffAmount = invoice.zero();
        });
    }

    /** For payments and credit notes, which change invoices under the same org lock. */
    public Invoice require(String orgId, String invoiceId) {
        Invoice invoice = invoiceId == null ? null : invoices.get(orgId, invoiceId);
        if (invoice == null) {
            throw BooksException.notFound("Invoice");
        }
        return invoice;
    }

    /**
     * Runs a read (or a change and its answer) under the organization's lock, as Books answers each call from one
     * state: an answer rendered while another call edited the invoice mixed its old {@code sub_total} with its new
     * {@code total}, and one rendered inside a refused edit showed terms Books never had.
     */
    public <T> T atomically(String orgId, java.util.function.Supplier<T> call) {
        if (orgId == null) {
            return call.get(); // the call refuses the missing organization itself
        }
        synchronized (organizations.lock(orgId)) {
            return call.get();
        }
    }

    public List<Invoice> all(String orgId) {
        return invoices.all(orgId);
    }

    public Map<String, Object> toJson(Invoice invoice) {
        BooksOrganization org = organizations.require(invoice.organizationId());
        return InvoiceJson.of(invoice, org, today(org), invoiceUrlBase, contacts.find(org.organizationId(), invoice.customerId()));
    }

    public String status(Invoice invoice) {
        return invoice.status(today(organizations.require(invoice.organizationId())));
    }

    /** Call after payments or credits changed an invoice (org lock held) so its webhook fires. */
    public void changedByMoney(Invoice invoice, String statusBefore) {
        BooksOrganization org = organizations.require(invoice.organizationId());
        invoice.touch(clock.now());
        publishChange(org, invoice, statusBefore);
    }

    public LocalDate today(BooksOrganization org) {
        return clock.today(org.timeZone());
    }

    private Invoice transition(String orgId, String invoiceId, java.util.function.Consumer<Invoice> change) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            Invoice invoice = require(orgId, invoiceId);
            String before = invoice.status(today(org));
            change.accept(invoice);
            invoice.assertBalanced();
            invoice.touch(clock.now());
            publishChange(org, invoice, before);
            return invoice;
        }
    }

    /**
     * Books bills a customer in its own currency: an invoice's currency is its customer's. A {@code currency_id}
     * naming another one is refused (the emulator's choice where Books' answer is unconfirmed).
     */
    private OrgCurrency currency(String orgId, JsonBody body, Contact customer) {
        if (body.has("currency_id") && !body.string("currency_id").isBlank()) {
            OrgCurrency asked = currencies.require(orgId, body.string("currency_id"));
            if (!asked.currencyId().equals(customer.currency().currencyId())) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invalid value passed for currency_id: "
                        + customer.contactName() + " is billed in " + customer.currency().currencyCode() + ", not "
                        + asked.currencyCode() + ".");
            }
        }
        return customer.currency();
    }

    /** The rate the request gives, else Books' rate of the currency (1 for the base currency). */
    private static BigDecimal exchangeRate(JsonBody body, OrgCurrency currency) {
        BigDecimal given = BooksInput.decimal(body, "exchange_rate");
        return given != null && given.signum() > 0 ? given : currency.exchangeRate();
    }

    private void fill(BooksOrganization org, Invoice invoice, JsonBody body, boolean creating) {
        String orgId = org.organizationId();
        if (creating || body.has("customer_id")) {
            String customerId = BooksInput.required(body, "customer_id");
            Contact customer = contacts.require(orgId, customerId);
            if (!creating) {
                currency(orgId, body, customer);
                if (!customer.currency().currencyId().equals(invoice.currency().currencyId())) {
                    throw BooksException.invalid(BooksCodes.INVALID_STATE, "The customer of an invoice cannot be"
                            + " changed to one billed in another currency.");
                }
            }
            invoice.customerId = customer.contactId();
            invoice.customerName = customer.contactName();
        }
        if (!creating && body.has("exchange_rate")) {
            invoice.exchangeRate = exchangeRate(body, invoice.currency());
        }
        if (creating || body.isList("line_items")) {
            invoice.lineItems = lineItems.build(org, invoice.currency().scale(), body.objects("line_items"));
        }
        LocalDate today = today(org);
        invoice.date = BooksInput.date(body, "date", creating ? today : invoice.date);
        LocalDate defaultDue = invoice.date.plusDays(BooksInput.decimal(body, "payment_terms", BigDecimal.ZERO).longValue());
        invoice.dueDate = BooksInput.date(body, "due_date", creating || body.has("payment_terms") ? defaultDue : invoice.dueDate);
        invoice.referenceNumber = body.string("reference_number", invoice.referenceNumber);
        invoice.notes = body.string("notes", invoice.notes);
        invoice.terms = body.string("terms", invoice.terms);
        invoice.salespersonName = body.string("salesperson_name", invoice.salespersonName);
        invoice.zcrmPotentialId = body.string("zcrm_potential_id", invoice.zcrmPotentialId);
        invoice.zcrmPotentialName = body.string("zcrm_potential_name", invoice.zcrmPotentialName);
        invoice.shippingCharge = money(invoice, BooksInput.decimal(body, "shipping_charge", invoice.shippingCharge));
        invoice.adjustment = money(invoice, BooksInput.decimal(body, "adjustment", invoice.adjustment));
        invoice.customFields().merge(body);
        taxAuthorityRule.apply(org, invoice, body);
    }

    private void refuseDuplicateNumber(String orgId, String number, String exceptId) {
        if (invoices.all(orgId).stream().anyMatch(i -> !i.invoiceId().equals(exceptId) && number.equals(i.invoiceNumber()))) {
            throw BooksException.invalid(BooksCodes.DUPLICATE, "Invoice number " + number + " has already been created.");
        }
    }

    private void refuseDuplicateUniqueFields(String orgId, Invoice invoice) {
        for (String apiName : preventDuplicates.of("invoice")) {
            Object value = invoice.customFields().get(apiName);
            if (value != null && invoices.all(orgId).stream().anyMatch(i -> !i.invoiceId().equals(invoice.invoiceId())
                    && i.customFields().matches(apiName, value.toString()))) {
                throw BooksException.invalid(BooksCodes.DUPLICATE, "The value " + value + " of " + apiName + " already exists.");
            }
        }
    }

    private static BigDecimal money(Invoice invoice, BigDecimal amount) {
        return amount.setScale(invoice.currency().scale(), java.math.RoundingMode.HALF_UP);
    }

    private void publishChange(BooksOrganization org, Invoice invoice, String statusBefore) {
        String event = statusBefore.equals(invoice.status(today(org))) ? "invoice_updated" : "invoice_status_changed";
        publish(org, invoice, event);
    }

    private void publish(BooksOrganization org, Invoice invoice, String event) {
        events.publish(org.organizationId(), "invoice", event, "invoice", InvoiceJson.of(invoice, org, today(org), invoiceUrlBase, contacts.find(org.organizationId(), invoice.customerId())));
    }

    @Override
    public void reset() {
        invoices.clear();
    }
}
