package io.dealledger.ledger.candidates;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.dealledger.ledger.candidates.CustomerResolution.Resolved;
import io.dealledger.ledger.candidates.CustomerResolution.Unresolved;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;

import reactor.core.publisher.Mono;

/**
 * Finds a deal's Books customer: the deal (CRM) → its account → the Books organization (the account's legal
 * entity through {@code dealledger.ledger.organizations}, else the organization of the deal's linked invoices)
 * → the customer (the account's {@code Books_Customer_Id}, else the Books contact whose {@code cf_crm_account_id}
 * is the account id).
 */
public class DealCustomers {

    private final CrmClient crm;
    private final BooksClient books;
    private final LedgerStores stores;
    private final Map<String, String> organizations;
    private final CandidatesProperties fields;
    /**
     * Books contacts found by their CRM account id (org:account → contact), kept {@link #CONTACT_TTL}: finding one
     * lists the org's contacts, which costs Books calls of this service's small share on every widget load. A cache
     * only: each instance keeps its own, and a miss reads Books again.
     */
    private final Map<String, Found> contacts = new ConcurrentHashMap<>();

    static final Duration CONTACT_TTL = Duration.ofMinutes(10);
    private static final int MAX_CONTACTS = 10_000;

    private record Found(String contactId, Instant until) {
    }

    public DealCustomers(CrmClient crm, BooksClient books, LedgerStores stores, Map<String, String> organizations,
                         CandidatesProperties fields) {
        this.crm = crm;
        this.books = books;
        this.stores = stores;
        this.organizations = organizations;
        this.fields = fields;
    }

    /** The deal's customer, or why there is none; an error only when Zoho fails. */
    public Mono<CustomerResolution> resolve(String dealId) {
        return crm.getRecord("Deals", dealId)
                .<CustomerResolution>flatMap(deal -> account(dealId, deal))
                .defaultIfEmpty(new Unresolved(true, "dealId", "CRM has no deal " + dealId));
    }

    private Mono<CustomerResolution> account(String dealId, CrmRecord deal) {
        String accountId = deal.lookupId("Account_Name");
        if (accountId == null) {
            return Mono.just(new Unresolved(false, "Account_Name", "deal " + dealId
                    + " has no account: invoices belong to an account's Books customer"));
        }
        return crm.getRecord("Accounts", accountId)
                .<CustomerResolution>flatMap(account -> customer(dealId, account))
                .defaultIfEmpty(new Unresolved(false, "Account_Name", "CRM has no account " + accountId));
    }

    private Mono<CustomerResolution> customer(String dealId, CrmRecord account) {
        String legalEntity = account.string(fields.legalEntityField());
        Optional<String> org = Optional.ofNullable(legalEntity == null ? null : organizations.get(legalEntity))
                .or(() -> organizationOfLinkedInvoices(dealId));
        if (org.isEmpty()) {
            return Mono.just(new Unresolved(false, fields.legalEntityField(), "no Books organization for legal entity '"
                    + legalEntity + "' (dealledger.ledger.organizations) and the deal has no linked invoice"));
        }
        String customerId = account.string(fields.accountCustomerField());
        if (customerId != null) {
            return Mono.just(new Resolved(dealId, account.id(), org.get(), customerId));
        }
        String key = org.get() + ":" + account.id();
        Found found = contacts.get(key);
        if (found != null && Instant.now().isBefore(found.until())) {
            return Mono.just(new Resolved(dealId, account.id(), org.get(), found.contactId()));
        }
        return books.listContacts(org.get(), Map.of())
                .filter(contact -> account.id().equals(contact.customFields().get(fields.contactAccountField())))
                .next()
                .doOnNext(contact -> remember(key, contact.contactId()))
                .<CustomerResolution>map(contact -> new Resolved(dealId, account.id(), org.get(), contact.contactId()))
                .defaultIfEmpty(new Resolved(dealId, account.id(), org.get(), null));
    }

    private void remember(String key, String contactId) {
        if (contacts.size() >= MAX_CONTACTS) {
            contacts.clear();
        }
        contacts.put(key, new Found(contactId, Instant.now().plus(CONTACT_TTL)));
    }

    private Optional<String> organizationOfLinkedInvoices(String dealId) {
        if (stores.<DealState>lookup(LedgerTopology.DEAL_STORE, dealId, true) instanceof LedgerStores.Found<DealState> found
                && found.value().emitted() != null) {
            return Optional.ofNullable(found.value().emitted().organizationId());
        }
        return Optional.empty();
    }
}
