package io.dealledger.invoice.books;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.outcome.BooksRejections;
import io.dealledger.invoice.outcome.Rejection;
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

    /** {@code currencyCode}: the currency Books bills the customer in, when Books said. */
    public record Result(String customerId, String currencyCode, Rejection rejection) {
    }

    /** How the customer of an account was found in Books. */
    public enum MatchedBy {
        /** the account's Books_Customer_Id names a contact of the org */
        BOOKS_CUSTOMER_ID,
        /** the contact tied to the account by its unique CRM-account-id custom field */
        CRM_ACCOUNT_ID,
        /** a contact not tied to any account, with the account's exact name: adopted, not duplicated */
        SAME_NAME
    }

    /** A Books customer known to be the account's, and the currency Books bills it in (null: not said). */
    public record Known(String contactId, String name, MatchedBy matchedBy, String currencyCode) {
    }

    /**
     * The customer an invoice will bill, worked out without writing to Books: {@code known}, or one to create
     * named {@code newName} (the push's upsert keyed by the account id), or a {@code rejection}.
     */
    public record Planned(Known known, String newName, Rejection rejection) {
    }

    private final BooksCaches caches;
    private final String accountIdField;

    public CustomerResolver(BooksCaches caches, BooksFields fields) {
        this.caches = caches;
        this.accountIdField = fields.accountIdField();
    }

    /**
     * The customer known without writing: cached, else the account's Books_Customer_Id when it names a contact
     * of the org (then cached); otherwise one to create. Costs at most one Books call.
     */
    public Planned plan(OrgBooks books, Account account) {
        String key = key(books, account);
        Known known = cached(key, account);
        if (known == null) {
            known = fromAccount(books, account);
        }
        if (known == null) {
            return new Planned(null, name(account), null);
        }
        caches.customers.put(key, known);
        return new Planned(known, null, null);
    }

    /**
     * {@link #plan}, and where it would create, what the create's upsert would find instead: a contact carrying
     * the account's name (tied to it, or to no account), cached for the push. One name look-up stands in for the
     * upsert, so a tied contact renamed in Books reads as "would create". For previews: the push leaves this
     * to the upsert, which costs no extra call.
     */
    public Planned foresee(OrgBooks books, Account account) {
        Planned planned = plan(books, account);
        if (planned.known() != null) {
            return planned;
        }
        List<Contact> named = books.contacts(Map.of("contact_name", name(account)));
        Contact tied = named.stream().filter(c -> account.id().equals(tiedTo(books, c))).findFirst().orElse(null);
        Contact untied = named.stream().filter(c -> blank(tiedTo(books, c))).findFirst().orElse(null);
        Known known;
        if (tied != null) {
            known = new Known(tied.contactId(), tied.contactName(), MatchedBy.CRM_ACCOUNT_ID, tied.currencyCode());
        } else if (untied != null) {
            known = new Known(untied.contactId(), untied.contactName(), MatchedBy.SAME_NAME, untied.currencyCode());
        } else if (!named.isEmpty()) {
            return new Planned(null, null, takenBy(books, name(account), named));
        } else {
            return planned;
        }
        caches.customers.put(key(books, account), known);
        return new Planned(known, null, null);
    }

    /**
     * Creates the customer {@link #plan} could not find: upserted by the CRM account id (so a contact already
     * tied to the account is found, not duplicated) with {@code person} (read only now) as its primary contact
     * person and {@code currencyId} (Books' id of the deal's currency, null for the org's default) as its
     * currency; a contact holding the account's name and tied to no other account is adopted.
     */
    public Result create(OrgBooks books, Account account, String currencyId, Supplier<ContactPerson> person) {
        Upserted upserted = upsert(books, account, currencyId, person.get());
        if (upserted.rejection() != null) {
            return new Result(null, null, upserted.rejection());
        }
        caches.customers.put(key(books, account), upserted.known());
        return new Result(upserted.known().contactId(), upserted.known().currencyCode(), null);
    }

    private static String key(OrgBooks books, Account account) {
        return books.organizationId() + ":" + account.id();
    }

    /** The cached customer, unless CRM now names another one. */
    private Known cached(String key, Account account) {
        Known cached = caches.customers.get(key).orElse(null);
        return cached != null && (account.booksCustomerId() == null || cached.contactId().equals(account.booksCustomerId()))
                ? cached : null;
    }

    private static String name(Account account) {
        return account.name() == null || account.name().isBlank() ? "CRM account " + account.id() : account.name().trim();
    }

    /** The id CRM holds, when it names a contact of this org (an id from another org or a deleted one does not). */
    private static Known fromAccount(OrgBooks books, Account account) {
        if (account.booksCustomerId() == null) {
            return null;
        }
        Contact contact = books.customerNamedBy(account.booksCustomerId());
        return contact == null ? null : new Known(contact.contactId(), contact.contactName(),
                MatchedBy.BOOKS_CUSTOMER_ID, contact.currencyCode());
    }

    private record Upserted(Known known, Rejection rejection) {
    }

    private Upserted upsert(OrgBooks books, Account account, String currencyId, ContactPerson person) {
        String name = name(account);
        NewContact contact = new NewContact(name, name, currencyId, new Address(account.billingStreet(),
                account.billingCity(), account.billingState(), account.billingCode(), account.billingCountry()),
                Map.of(accountIdField, account.id()), person);
        try {
            Contact upserted = books.upsertContact(accountIdField, account.id(), contact);
            return new Upserted(new Known(upserted.contactId(), upserted.contactName() == null ? name
                    : upserted.contactName(), MatchedBy.CRM_ACCOUNT_ID, upserted.currencyCode()), null);
        } catch (ZohoApiException e) {
            if (!OrgBooks.isValidation(e)) {
                throw e;
            }
            if (NAME_EXISTS.equals(e.code())) {
                return adoptByName(books, account, name);
            }
            return new Upserted(null, BooksRejections.of(e, "the Books customer for account " + name));
        }
    }

    /** A contact created in Books by hand (or by Zoho's own sync) under the account's name is that customer. */
    private Upserted adoptByName(OrgBooks books, Account account, String name) {
        List<Contact> named = books.contacts(Map.of("contact_name", name));
        for (Contact contact : named) {
            String tiedTo = tiedTo(books, contact);
            if (blank(tiedTo) || tiedTo.equals(account.id())) {
                return new Upserted(new Known(contact.contactId(), contact.contactName(),
                        blank(tiedTo) ? MatchedBy.SAME_NAME : MatchedBy.CRM_ACCOUNT_ID, contact.currencyCode()), null);
            }
        }
        return new Upserted(null, takenBy(books, name, named));
    }

    /**
     * The CRM account a listed contact is tied to. Zoho's example of a contacts list row carries no custom fields:
     * a row without the field is read whole before it counts as tied to nothing (and is adopted).
     */
    private String tiedTo(OrgBooks books, Contact listed) {
        if (listed.customFields().containsKey(accountIdField)) {
            return listed.customFields().get(accountIdField);
        }
        Contact whole = books.contact(listed.contactId());
        return whole == null ? null : whole.customFields().get(accountIdField);
    }

    private Rejection takenBy(OrgBooks books, String name, List<Contact> named) {
        String other = named.isEmpty() ? "another" : tiedTo(books, named.get(0));
        return Rejection.of(Rejection.Code.BOOKS_VALIDATION, "Account_Name",
                "Books organization " + books.organizationId() + " already has a customer named '" + name
                        + "' tied to CRM account " + other + ": rename the account or merge the two in Books");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
