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
import io.dealledger.zoho.accounts.AccountFields;
import io.dealledger.zoho.accounts.BooksCustomers;
import io.dealledger.zoho.accounts.DealAccount;
import io.dealledger.zoho.accounts.LegalEntities;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.crm.CrmClient;

import reactor.core.publisher.Mono;

/**
 * Finds a deal's Books customer with zoho-client's {@code accounts} readings, which every service shares: the deal
 * (CRM) → its account ({@link io.dealledger.zoho.accounts.DealAccounts}) → the Books organization (the account's
 * legal entity through {@code dealledger.ledger.organizations}, matched as {@link LegalEntities} matches it, else
 * the organization of the deal's linked invoices) → the customer (the account's {@code Books_Customer_Id}, else the
 * Books contact whose {@code cf_crm_account_id} is the account id, {@link BooksCustomers#tiedTo}).
 */
public class DealCustomers {

    private final io.dealledger.zoho.accounts.DealAccounts accounts;
    private final BooksCustomers customers;
    private final LedgerStores stores;
    private final Map<String, String> organizations;
    private final AccountFields fields;
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
        this.fields = new AccountFields(AccountFields.DEFAULTS.dealAccount(), fields.legalEntityField(),
                fields.accountCustomerField(), fields.contactAccountField());
        this.accounts = new io.dealledger.zoho.accounts.DealAccounts(crm, this.fields);
        this.customers = new BooksCustomers(books, this.fields);
        this.stores = stores;
        this.organizations = organizations;
    }

    /** The deal's customer, or why there is none; an error only when Zoho fails. */
    public Mono<CustomerResolution> resolve(String dealId) {
        return accounts.ofDeal(dealId)
                .flatMap(this::customer)
                .defaultIfEmpty(new Unresolved(true, "dealId", "CRM has no deal " + dealId));
    }

    private Mono<CustomerResolution> customer(DealAccount deal) {
        String dealId = deal.dealId();
        if (deal.accountId() == null) {
            return Mono.just(new Unresolved(false, fields.dealAccount(), "deal " + dealId
                    + " has no account: invoices belong to an account's Books customer"));
        }
        if (!deal.hasAccount()) {
            return Mono.just(new Unresolved(false, fields.dealAccount(), "CRM has no account " + deal.accountId()));
        }
        String legalEntity = deal.legalEntity();
        Optional<String> org = LegalEntities.organizationOf(legalEntity, organizations, Map.of(), null)
                .or(() -> organizationOfLinkedInvoices(dealId));
        if (org.isEmpty()) {
            return Mono.just(new Unresolved(false, fields.legalEntity(), "no Books organization for legal entity '"
                    + legalEntity + "' (dealledger.ledger.organizations) and the deal has no linked invoice"));
        }
        String accountId = deal.accountId();
        if (deal.booksCustomerId() != null) {
            return Mono.just(new Resolved(dealId, accountId, org.get(), deal.booksCustomerId()));
        }
        String key = org.get() + ":" + accountId;
        Found found = contacts.get(key);
        if (found != null && Instant.now().isBefore(found.until())) {
            return Mono.just(new Resolved(dealId, accountId, org.get(), found.contactId()));
        }
        return customers.tiedTo(org.get(), accountId)
                .next()
                .doOnNext(contact -> remember(key, contact.contactId()))
                .<CustomerResolution>map(contact -> new Resolved(dealId, accountId, org.get(), contact.contactId()))
                .defaultIfEmpty(new Resolved(dealId, accountId, org.get(), null));
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
