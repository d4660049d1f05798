package io.dealledger.invoice.books;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.dealledger.zoho.accounts.AccountFields;
import io.dealledger.zoho.accounts.BooksCustomers;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRecords.Currency;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.Item;
import io.dealledger.zoho.books.BooksRecords.Organization;
import io.dealledger.zoho.books.BooksRecords.Tax;
import io.dealledger.zoho.books.BooksRecords.TaxAuthority;
import io.dealledger.zoho.books.BooksRequests.NewContact;
import io.dealledger.zoho.books.BooksRequests.NewInvoice;
import io.dealledger.zoho.books.BooksRequests.NewItem;
import io.dealledger.zoho.http.ZohoApiException;

/**
 * One push's conversation with one Books organization: blocking calls with a deadline, counted, because
 * Books calls are the scarce resource (100 a minute per org) and the metric reports them per invoice.
 */
public final class OrgBooks {

    private final BooksClient books;
    private final String organizationId;
    private final Duration timeout;
    private final BooksCustomers customers;
    private final AtomicInteger calls = new AtomicInteger();

    /** {@code fields}: how CRM accounts and Books contacts are tied (zoho-client's, shared by every service). */
    public OrgBooks(BooksClient books, String organizationId, Duration timeout, AccountFields fields) {
        this.books = books;
        this.organizationId = organizationId;
        this.timeout = timeout;
        this.customers = new BooksCustomers(books, fields);
    }

    public String organizationId() {
        return organizationId;
    }

    /** Books calls made so far (a list read across pages counts once). */
    public int calls() {
        return calls.get();
    }

    /** This organization with its address (country) and base currency. */
    public Organization organization() {
        calls.incrementAndGet();
        return books.getOrganization(organizationId).block(timeout);
    }

    public List<Currency> currencies() {
        calls.incrementAndGet();
        return books.listCurrencies(organizationId).collectList().block(timeout);
    }

    public Contact contact(String contactId) {
        calls.incrementAndGet();
        return books.getContact(organizationId, contactId).block(timeout);
    }

    /**
     * The contact a CRM account's Books customer id names in this organization; null when it names none here
     * (another organization's, or deleted).
     */
    public Contact customerNamedBy(String customerId) {
        calls.incrementAndGet();
        return customers.namedBy(organizationId, customerId).block(timeout);
    }

    public List<Contact> contacts(Map<String, String> filters) {
        calls.incrementAndGet();
        return books.listContacts(organizationId, filters).collectList().block(timeout);
    }

    public Contact upsertContact(String uniqueKey, String uniqueValue, NewContact contact) {
        calls.incrementAndGet();
        return books.upsertContact(organizationId, uniqueKey, uniqueValue, contact).block(timeout);
    }

    public List<Item> items() {
        calls.incrementAndGet();
        return books.listItems(organizationId, Map.of()).collectList().block(timeout);
    }

    public Item upsertItem(String uniqueKey, String uniqueValue, NewItem item) {
        calls.incrementAndGet();
        return books.upsertItem(organizationId, uniqueKey, uniqueValue, item).block(timeout);
    }

    public List<Tax> taxes() {
        calls.incrementAndGet();
        return books.listTaxes(organizationId).collectList().block(timeout);
    }

    public List<TaxAuthority> taxAuthorities() {
        calls.incrementAndGet();
        return books.listTaxAuthorities(organizationId).collectList().block(timeout);
    }

    public List<Invoice> invoices(Map<String, String> filters) {
        calls.incrementAndGet();
        return books.listInvoices(organizationId, filters).collectList().block(timeout);
    }

    /**
     * The deal's invoices. Books documents {@code zcrm_potential_id} as a list filter for estimates, not for
     * invoices: should it ignore the filter, the list is the whole org's, so each invoice is also checked here —
     * the deal's when it carries the deal id as {@code zcrm_potential_id} or in {@code dealIdField}.
     */
    public List<Invoice> dealInvoices(String dealId, String dealIdField) {
        return invoices(Map.of("zcrm_potential_id", dealId)).stream()
                .filter(i -> dealId.equals(i.zcrmPotentialId()) || dealId.equals(i.customFields().get(dealIdField)))
                .toList();
    }

    public Invoice upsertInvoice(String uniqueKey, String uniqueValue, NewInvoice invoice) {
        calls.incrementAndGet();
        return books.upsertInvoice(organizationId, uniqueKey, uniqueValue, invoice).block(timeout);
    }

    public void markSent(String invoiceId) {
        calls.incrementAndGet();
        books.markInvoiceSent(organizationId, invoiceId).block(timeout);
    }

    /**
     * A Books answer a person must act on (a 4xx validation error such as a duplicate name or a missing
     * field), as opposed to a fault (429, 5xx, expired token) that retrying can fix.
     */
    public static boolean isValidation(ZohoApiException e) {
        int status = e.httpStatus();
        return !e.retryable() && status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
    }
}
