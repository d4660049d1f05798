package io.dealledger.emulator.books.creditnote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.contact.Contact;
import io.dealledger.emulator.books.contact.ContactService;
import io.dealledger.emulator.books.invoice.Invoice;
import io.dealledger.emulator.books.invoice.InvoiceCredit;
import io.dealledger.emulator.books.invoice.InvoiceService;
import io.dealledger.emulator.books.line.LineItem;
import io.dealledger.emulator.books.line.LineItems;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.OrgRecords;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;
import io.dealledger.emulator.webhooks.BooksEvents;

/** Credit notes: create, apply to invoices (and take back), refund, void. */
@Service
public class CreditNoteService implements Resettable {

    private final OrgRecords<CreditNote> notes = new OrgRecords<>();
    private final Organizations organizations;
    private final ContactService contacts;
    private final InvoiceService invoices;
    private final LineItems lineItems;
    private final BooksIds ids;
    private final EmulatorClock clock;
    private final BooksEvents events;

    public CreditNoteService(Organizations organizations, ContactService contacts, InvoiceService invoices,
            LineItems lineItems, BooksIds ids, EmulatorClock clock, BooksEvents events) {
        this.organizations = organizations;
        this.contacts = contacts;
        this.invoices = invoices;
        this.lineItems = lineItems;
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
            // a credit note is in its customer's currency, as the customer's invoices are
            List<LineItem> lines = lineItems.build(org, customer.currency().scale(), body.objects("line_items"));
            CreditNote note = new CreditNote(ids.next(BooksIds.Kind.CREDIT_NOTE), ids.nextNumber(orgId, "CN-", 5),
                    customer.contactId(), customer.contactName(), BooksInput.date(body, "date", invoices.today(org)),
                    body.string("reference_number", ""), lines, customer.currency(), clock.now());
            if (note.total().signum() <= 0) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE, "The credit note total must be greater than zero.");
            }
            note.customFields.merge(body);
            notes.put(orgId, note.creditnoteId, note);
            publish(org, note, "creditnote_created");
            return json(note, org);
        }
    }

    /** Applies credit to invoices; each amount at most the invoice's balance (24016), in total at most the note's balance. */
    public Map<String, Object> apply(String orgId, String creditnoteId, List<JsonBody> rows) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            CreditNote note = require(orgId, creditnoteId);
            if (note.voided) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "Credits of a void credit note cannot be applied.");
            }
            if (rows.isEmpty()) {
                throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The field invoices is mandatory.");
            }
            BigDecimal total = BigDecimal.ZERO;
            List<Invoice> targets = new ArrayList<>();
            List<BigDecimal> amounts = new ArrayList<>();
            for (JsonBody row : rows) {
                Invoice invoice = invoices.require(orgId, row.string("invoice_id"));
                BigDecimal amount = positive(note, BooksInput.decimal(row, "amount_applied"));
                checkInvoice(note, invoice, amount);
                targets.add(invoice);
                amounts.add(amount);
                total = total.add(amount);
            }
            if (total.compareTo(note.balance()) > 0) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE,
                        "The amount to be credited (" + total + ") is more than the credit note's balance (" + note.balance() + ").");
            }
            List<Runnable> invoiceEvents = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                invoiceEvents.add(credit(note, targets.get(i), amounts.get(i)));
            }
            publish(org, note, "creditnote_applied");
            invoiceEvents.forEach(Runnable::run);
            return json(note, org);
        }
    }

    /** Takes an application back: the invoice owes the amount again and the note has it to spend. */
    public void unapply(String orgId, String creditnotesInvoiceId) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            for (CreditNote note : notes.all(orgId)) {
                for (CreditNote.Application application : List.copyOf(note.applications)) {
                    if (application.creditnotesInvoiceId().equals(creditnotesInvoiceId)) {
                        Invoice invoice = invoices.require(orgId, application.invoiceId());
                        String before = invoices.status(invoice);
                        invoice.removeCredit(creditnotesInvoiceId);
                        note.applications.remove(application);
                        note.lastModifiedTime = clock.now();
                        publish(org, note, "creditnote_unapplied");
                        invoices.changedByMoney(invoice, before);
                        return;
                    }
                }
            }
            throw BooksException.notFound("Credit applied");
        }
    }

    public Map<String, Object> refund(String orgId, String creditnoteId, JsonBody body) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            CreditNote note = require(orgId, creditnoteId);
            if (note.voided) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "A void credit note cannot be refunded.");
            }
            BigDecimal amount = positive(note, BooksInput.decimal(body, "amount"));
            if (amount.compareTo(note.balance()) > 0) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE,
                        "The refund amount (" + amount + ") is more than the credit note's balance (" + note.balance() + ").");
            }
            CreditNote.Refund refund = new CreditNote.Refund(ids.next(BooksIds.Kind.REFUND),
                    BooksInput.date(body, "date", invoices.today(org)), body.string("refund_mode", "cash"),
                    body.string("reference_number", ""), amount, body.string("description", ""));
            note.refunds.add(refund);
            note.lastModifiedTime = clock.now();
            publish(org, note, "creditnote_refunded");
            return CreditNoteJson.refund(note, refund);
        }
    }

    /** The rows of {@code GET /creditnotes/{id}/refunds}: amounts as {@code amount_fcy} / {@code amount_bcy}. */
    public List<Map<String, Object>> refundRows(String orgId, String creditnoteId) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            CreditNote note = require(orgId, creditnoteId);
            return note.refunds.stream().map(r -> CreditNoteJson.refundRow(note, r, org)).toList();
        }
    }

    public Map<String, Object> markVoid(String orgId, String creditnoteId) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            CreditNote note = require(orgId, creditnoteId);
            if (!note.applications.isEmpty() || !note.refunds.isEmpty()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE,
                        "A credit note that has been applied or refunded cannot be voided.");
            }
            note.voided = true;
            note.lastModifiedTime = clock.now();
            publish(org, note, "creditnote_voided");
            return json(note, org);
        }
    }

    public Map<String, Object> get(String orgId, String creditnoteId) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            return json(require(orgId, creditnoteId), org);
        }
    }

    public List<Map<String, Object>> list(String orgId, Map<String, String> query) {
        BooksOrganization org = organizations.require(orgId);
        synchronized (organizations.lock(orgId)) {
            return notes.all(orgId).stream()
                    .filter(n -> query.get("customer_id") == null || n.customerId.equals(query.get("customer_id")))
                    .filter(n -> query.get("status") == null || n.status().equals(query.get("status")))
                    .map(n -> json(n, org)).toList();
        }
    }

    public List<Map<String, Object>> applications(String orgId, String creditnoteId) {
        synchronized (organizations.lock(orgId)) {
            CreditNote note = require(orgId, creditnoteId);
            return note.applications.stream().map(a -> CreditNoteJson.application(note, a)).toList();
        }
    }

    private void checkInvoice(CreditNote note, Invoice invoice, BigDecimal amount) {
        if (!invoice.customerId().equals(note.customerId)) {
            throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invoice " + invoice.invoiceNumber() + " belongs to another customer.");
        }
        if (invoice.isVoid()) {
            throw BooksException.invalid(BooksCodes.INVALID_STATE, "Credits cannot be applied to the void invoice " + invoice.invoiceNumber() + ".");
        }
        if (amount.compareTo(invoice.balance()) > 0) {
            throw BooksException.invalid(BooksCodes.OVER_PAYMENT, "The amount entered is more than the balance due for this invoice.");
        }
    }

    private Runnable credit(CreditNote note, Invoice invoice, BigDecimal amount) {
        String before = invoices.status(invoice);
        String applicationId = ids.next(BooksIds.Kind.APPLICATION);
        invoice.applyCredit(new InvoiceCredit(applicationId, note.creditnoteId, note.creditnoteNumber, amount,
                invoices.today(organizations.require(invoice.organizationId()))));
        note.applications.add(new CreditNote.Application(applicationId, invoice.invoiceId(), invoice.invoiceNumber(),
                amount, invoices.today(organizations.require(invoice.organizationId()))));
        note.lastModifiedTime = clock.now();
        return () -> invoices.changedByMoney(invoice, before);
    }

    private CreditNote require(String orgId, String creditnoteId) {
        CreditNote note = creditnoteId == null ? null : notes.get(orgId, creditnoteId);
        if (note == null) {
            throw BooksException.notFound("Credit note");
        }
        return note;
    }

    private static BigDecimal positive(CreditNote note, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invalid value passed for amount: it must be greater than zero.");
        }
        return amount.setScale(note.scale, RoundingMode.HALF_UP);
    }

    private void publish(BooksOrganization org, CreditNote note, String event) {
        events.publish(org.organizationId(), "creditnote", event, "creditnote", json(note, org));
    }

    private Map<String, Object> json(CreditNote note, BooksOrganization org) {
        return CreditNoteJson.of(note, org, contacts.find(org.organizationId(), note.customerId));
    }

    @Override
    public void reset() {
        notes.clear();
    }
}
