package io.dealledger.invoice.books;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.dealledger.invoice.InvoiceProperties;
import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.push.Rejection;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRequests.Address;
import io.dealledger.zoho.books.BooksRequests.ContactPerson;
import io.dealledger.zoho.books.BooksRequests.NewContact;
import io.dealledger.zoho.http.ZohoApiException;

/**
 * The Books customer of a CRM account, in this order: the account's Books_Customer_Id if that contact
 * exists in the org; the contact tied to the account by its unique custom field; a contact already
 * carrying the account's exact name (adopted, not duplicated); else a new one. The tie and the creation
 * are one upsert keyed by the account id, so two concurrent pushes end with one customer.
 */
public final class CustomerResolver {

    /** Books: "The customer … already exists" (display names are unique). */
    static final String NAME_EXISTS = "3062";

    public record Result(String customerId, Rejection rejection) {
    }

    private final BooksCaches caches;
    private final String accountIdField;

    public CustomerResolver(BooksCaches caches, InvoiceProperties.Books fields) {
        this.caches = caches;
        this.accountIdField = fields.accountIdField();
    }

    /**
     * The account's Books customer in the org: cached, the account's Books_Customer_Id, else upserted by
     * the CRM account id with {@code person} (read only then) as its primary contact person.
     */
    public Result resolve(OrgBooks books, Account account, String currency, Supplier<ContactPerson> person) {
        String key = books.organizationId() + ":" + account.id();
        String cached = caches.customers.get(key).orElse(null);
        if (cached != null && (account.booksCustomerId() == null || cached.equals(account.booksCustomerId()))) {
            return new Result(cached, null);
        }
        String customerId = fromAccount(books, account);
        if (customerId == null) {
            Result upserted = upsert(books, account, currency, person.get());
            if (upserted.rejection() != null) {
                return upserted;
            }
            customerId = upserted.customerId();
        }
        caches.customers.put(key, customerId);
        return new Result(customerId, null);
    }

    /** The id CRM holds, when it names a contact of this org (an id from another org or a deleted one does not). */
    private static String fromAccount(OrgBooks books, Account account) {
        if (account.booksCustomerId() == null) {
            return null;
        }
        try {
            Contact contact = books.contact(account.booksCustomerId());
            return contact == null ? null : contact.contactId();
        } catch (ZohoApiException e) {
            if (OrgBooks.isValidation(e)) {
                return null;
            }
            throw e;
        }
    }

    private Result upsert(OrgBooks books, Account account, String currency, ContactPerson person) {
        String name = account.name() == null || account.name().isBlank() ? "CRM account " + account.id() : account.name().trim();
        NewContact contact = new NewContact(name, name, currency, new Address(account.billingStreet(),
                account.billingCity(), account.billingState(), account.billingCode(), account.billingCountry()),
                Map.of(accountIdField, account.id()), person);
        try {
            return new Result(books.upsertContact(accountIdField, account.id(), contact).contactId(), null);
        } catch (ZohoApiException e) {
            if (!OrgBooks.isValidation(e)) {
                throw e;
            }
            if (NAME_EXISTS.equals(e.code())) {
                return adoptByName(books, account, name);
            }
            return new Result(null, BooksRejections.of(e, "the Books customer for account " + name));
        }
    }

    /** A contact created in Books by hand (or by Zoho's own sync) under the account's name is that customer. */
    private Result adoptByName(OrgBooks books, Account account, String name) {
        List<Contact> named = books.contacts(Map.of("contact_name", name));
        for (Contact contact : named) {
            String tiedTo = contact.customFields().get(accountIdField);
            if (tiedTo == null || tiedTo.isBlank() || tiedTo.equals(account.id())) {
                return new Result(contact.contactId(), null);
            }
        }
        String other = named.isEmpty() ? "another" : named.get(0).customFields().get(accountIdField);
        return new Result(null, Rejection.of(Rejection.Code.BOOKS_VALIDATION, "Account_Name",
                "Books organization " + books.organizationId() + " already has a customer named '" + name
                        + "' tied to CRM account " + other + ": rename the account or merge the two in Books"));
    }
}
