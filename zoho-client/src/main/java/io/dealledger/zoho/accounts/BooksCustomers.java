package io.dealledger.zoho.accounts;

import java.util.Map;

import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.http.ZohoApiException;
import io.dealledger.zoho.http.ZohoAuthorizationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A CRM account's customer in one Books organization, read only: the contact the account's Books customer id names,
 * if it is one of that organization's, else a contact tied to the account by its CRM-account-id custom field. Calls
 * go at the priority of the {@link BooksClient} given (e.g. {@code books.at(Priority.LOW)} for what can wait).
 */
public final class BooksCustomers {

    /** How the customer was found. */
    public enum MatchedBy {
        /** the account's Books customer id names a contact of the organization */
        BOOKS_CUSTOMER_ID,
        /** the contact's CRM-account-id custom field holds the account id */
        CRM_ACCOUNT_ID
    }

    public record Found(String organizationId, Contact contact, MatchedBy matchedBy) {
    }

    private final BooksClient books;
    private final AccountFields fields;

    public BooksCustomers(BooksClient books, AccountFields fields) {
        this.books = books;
        this.fields = fields;
    }

    /**
     * The account's customer in {@code org}: {@link #namedBy} its Books customer id, else the first contact
     * {@link #tiedTo} it; empty when it has none there yet (or the deal has no account).
     */
    public Mono<Found> of(String org, DealAccount account) {
        if (!account.hasAccount()) {
            return Mono.empty();
        }
        String customerId = account.booksCustomerId();
        Mono<Found> named = customerId == null ? Mono.empty()
                : namedBy(org, customerId).map(contact -> new Found(org, contact, MatchedBy.BOOKS_CUSTOMER_ID));
        return named.switchIfEmpty(Mono.defer(() -> tiedTo(org, account.accountId()).next()
                .map(contact -> new Found(org, contact, MatchedBy.CRM_ACCOUNT_ID))));
    }

    /**
     * The contact {@code customerId} names in {@code org}; empty when it names none there: a contact of another
     * organization, or deleted, is a customer id Books refuses (a 4xx), not a fault. Faults stay errors.
     */
    public Mono<Contact> namedBy(String org, String customerId) {
        return books.getContact(org, customerId).onErrorResume(BooksCustomers::refused, refused -> Mono.empty());
    }

    /**
     * The organization's contacts tied to the account by the CRM-account-id field, as the list rows carry it
     * (every page of the org's contacts: cache what it finds).
     */
    public Flux<Contact> tiedTo(String org, String accountId) {
        return books.listContacts(org, Map.of())
                .filter(contact -> accountId.equals(contact.customFields().get(fields.contactAccountId())));
    }

    /** A Books answer about the id (unknown here, invalid), as opposed to 429s, 5xx and refused tokens. */
    private static boolean refused(Throwable error) {
        if (!(error instanceof ZohoApiException e) || error instanceof ZohoAuthorizationException) {
            return false;
        }
        int status = e.httpStatus();
        return !e.retryable() && status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
    }
}
