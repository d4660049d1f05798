package io.dealledger.zoho.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.books.BooksRequests.NewContact;
import io.dealledger.zoho.limits.Priority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A deal's account and the account's Books customer, read from the Zoho emulator's seed data over HTTP. */
class AccountsIT {

    static ZohoEmulator zoho;
    static ZohoClients clients;

    final DealAccounts deals = new DealAccounts(clients.crm(), AccountFields.DEFAULTS);
    final BooksCustomers customers = new BooksCustomers(clients.books().at(Priority.LOW), AccountFields.DEFAULTS);

    @BeforeAll
    static void start() {
        zoho = ZohoEmulator.start(Map.of());
        clients = ZohoClients.create(ZohoSettings.of(URI.create(zoho.baseUrl()), URI.create(zoho.baseUrl()),
                        URI.create(zoho.baseUrl()), zoho.clientId(), zoho.clientSecret(), zoho.refreshToken())
                .withRetry(new ZohoSettings.RetryPolicy(8, Duration.ofMillis(20), Duration.ofMillis(200))),
                new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        zoho.close();
    }

    @Test
    void aDealsAccountCarriesItsLegalEntityAndItsCustomerIsTheContactTiedToIt() {
        // Given the seed deal "Globex - Robot cell", whose account has no Books_Customer_Id yet, and the US org's
        // contact "Globex Corporation" tied to that account by cf_crm_account_id
        DealAccount globex = deals.ofDeal(SeedIds.DEAL_GLOBEX_CLOSED_WON).block();

        assertThat(globex.accountId()).isEqualTo(SeedIds.ACCOUNT_GLOBEX_CA);
        assertThat(globex.accountName()).isEqualTo("Globex Corporation");
        assertThat(globex.legalEntity()).isEqualTo(SeedIds.LEGAL_ENTITY_US);
        assertThat(globex.booksCustomerId()).isNull();
        assertThat(LegalEntities.organizationOf(globex.legalEntity(),
                Map.of(SeedIds.LEGAL_ENTITY_US, SeedIds.US_ORG_ID), Map.of(), null)).contains(SeedIds.US_ORG_ID);
        assertThat(customers.of(SeedIds.US_ORG_ID, globex).block()).satisfies(found -> {
            assertThat(found.contact().contactId()).isEqualTo(SeedIds.BOOKS_CONTACT_GLOBEX);
            assertThat(found.matchedBy()).isEqualTo(BooksCustomers.MatchedBy.CRM_ACCOUNT_ID);
        });
        // and in the UK org it has no customer
        assertThat(customers.of(SeedIds.UK_ORG_ID, globex).blockOptional()).isEmpty();
    }

    @Test
    void aBooksCustomerIdCountsInTheOrganizationWhoseContactItNamesOnly() {
        // Given an account whose Books_Customer_Id names the US org's Globex contact
        String account = clients.crm().upsertRecords("Accounts", List.of(Map.of("Account_Name", "Named Co "
                + System.nanoTime(), "Books_Customer_Id", SeedIds.BOOKS_CONTACT_GLOBEX)), List.of("Account_Name"))
                .block().get(0).recordId();
        String deal = clients.crm().upsertRecords("Deals", List.of(Map.of("Deal_Name", "Named deal " + System.nanoTime(),
                "Stage", "Closed Won", "Account_Name", Map.of("id", account))), List.of("Deal_Name")).block().get(0)
                .recordId();
        DealAccount named = deals.ofDeal(deal).block();

        // Then it is that customer in the US org, and none in the UK org, where the id names no contact
        assertThat(named.booksCustomerId()).isEqualTo(SeedIds.BOOKS_CONTACT_GLOBEX);
        assertThat(customers.of(SeedIds.US_ORG_ID, named).block().matchedBy())
                .isEqualTo(BooksCustomers.MatchedBy.BOOKS_CUSTOMER_ID);
        assertThat(customers.namedBy(SeedIds.UK_ORG_ID, SeedIds.BOOKS_CONTACT_GLOBEX).blockOptional()).isEmpty();
    }

    @Test
    void aDealWithoutAccountHasNoCustomerAndAnUnknownDealIsNone() {
        DealAccount orphan = deals.ofDeal(SeedIds.DEAL_WITHOUT_ACCOUNT).block();

        assertThat(orphan.hasAccount()).isFalse();
        assertThat(orphan.legalEntity()).isNull();
        assertThat(customers.of(SeedIds.US_ORG_ID, orphan).blockOptional()).isEmpty();
        assertThat(deals.ofDeal("5725767999999999999").blockOptional()).isEmpty();
    }

    @Test
    void everyContactTiedToTheAccountIsListed() {
        String account = "5725767000099" + (System.nanoTime() % 1_000_000);
        clients.books().createContact(SeedIds.UK_ORG_ID, new NewContact("Tied " + account, "Tied " + account, null, null,
                Map.of("cf_crm_account_id", account))).block();

        assertThat(customers.tiedTo(SeedIds.UK_ORG_ID, account).collectList().block())
                .extracting(c -> c.contactName()).containsExactly("Tied " + account);
        assertThat(customers.tiedTo(SeedIds.UK_ORG_ID, account + "0").collectList().block()).isEmpty();
    }
}
