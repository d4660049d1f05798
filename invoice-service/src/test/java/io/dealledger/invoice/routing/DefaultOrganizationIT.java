package io.dealledger.invoice.routing;

import static io.dealledger.invoice.support.Requests.awaitRejected;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.Map;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.events.RejectionReason;
import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.books.CurrencyResolver;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.crm.BooksIdsInCrm;
import io.dealledger.invoice.crm.CrmFields;
import io.dealledger.invoice.crm.CrmVariables;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.outcome.Outcome;
import io.dealledger.invoice.plan.InvoicePlanner;
import io.dealledger.invoice.plan.InvoiceRequest;
import io.dealledger.invoice.push.InvoicePusher;
import io.dealledger.invoice.push.PushProperties;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.ZohoClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account without {@code Legal_Entity}: invoiced in the only org, or the default org, against the emulator; refused
 * with the field to fill in when several orgs are configured and none is the default (the shared context's setup).
 */
@InvoiceServiceIT
class DefaultOrganizationIT {

    @Autowired
    PushProperties push;
    @Autowired
    RoutingProperties routes;
    @Autowired
    CrmFields crm;
    @Autowired
    BooksFields books;
    @Autowired
    ZohoClients zoho;
    @Autowired
    CrmVariables variables;
    @Autowired
    DealReader deals;
    @Autowired
    TaxResolver taxes;
    @Autowired
    CurrencyResolver currencies;
    @Autowired
    CustomerResolver customers;
    @Autowired
    ItemResolver items;
    @Autowired
    Clock clock;

    @Test
    void withOneOrganizationADealOnAnAccountWithoutLegalEntityIsInvoicedThere() {
        // Given a stack configured with the US org only, and a Closed Won deal on a Texas account without Legal_Entity
        InvoicePusher oneOrg = pusher(Map.of(SeedIds.LEGAL_ENTITY_US, SeedIds.US_ORG_ID), null);
        InvoiceRequested request = Requests.wholeDeal(dealWithoutLegalEntity());

        // When it is pushed
        Outcome outcome = oneOrg.push(InvoiceRequest.from(request));

        // Then it is invoiced in the US org, with Texas tax
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Issued.class, issued -> {
            assertThat(issued.organizationId()).isEqualTo(SeedIds.US_ORG_ID);
            assertThat(TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.invoiceId()).path("invoice")
                    .path("total").decimalValue()).isEqualByComparingTo("1062.50");
        });
    }

    @Test
    void withSeveralOrganizationsAndADefaultSuchADealGoesToTheDefault() {
        // Given both seed orgs configured, the UK org as the default
        InvoicePusher withDefault = pusher(routes.organizations(), SeedIds.UK_ORG_ID);
        String ukAccount = CrmData.account(CrmData.unique("Default Ltd"), null, "United Kingdom", null);
        String product = CrmData.product("Gripper", CrmData.unique("GR"), "1000.00");
        InvoiceRequested request = Requests.wholeDeal(CrmData.deal("Closed Won", "1000.00", "GBP", ukAccount, product, 1,
                "1000.00"));

        Outcome outcome = withDefault.push(InvoiceRequest.from(request));

        // Then the invoice is in the default (UK) org, with its VAT
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Issued.class, issued -> {
            assertThat(issued.organizationId()).isEqualTo(SeedIds.UK_ORG_ID);
            assertThat(issued.total()).isEqualByComparingTo("1200.00");
        });
        // and an account whose legal entity is set still routes by it
        assertThat(new OrganizationRouter(with(routes.organizations(), SeedIds.UK_ORG_ID), crm, variables)
                .organizationOf(SeedIds.LEGAL_ENTITY_US)).contains(SeedIds.US_ORG_ID);
    }

    @Test
    void withSeveralOrganizationsAndNoDefaultSuchADealIsRefusedNamingTheField() {
        // Given the shared stack: both seed orgs, no default
        InvoiceRequested request = Requests.wholeDeal(dealWithoutLegalEntity());

        send(request);

        InvoiceRejected rejected = awaitRejected(request);
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode, RejectionReason::getCategory,
                RejectionReason::getField).containsExactly(tuple("LEGAL_ENTITY_UNMAPPED", "CRM_FIELD_MISSING", "Legal_Entity"));
        assertThat(rejected.getReasons().get(0).getMessage()).contains("has no legal entity: set Legal_Entity",
                "INVOICE_DEFAULT_ORGANIZATION");
        assertThat(rejected.getOrganizationId()).isNull();
    }

    private static String dealWithoutLegalEntity() {
        String account = CrmData.account(CrmData.unique("No Entity Co"), "TX", "United States", null);
        String product = CrmData.product("Robot arm", CrmData.unique("RA"), "1000.00");
        return CrmData.deal("Closed Won", "1000.00", "USD", account, product, 1, "1000.00");
    }

    private InvoicePusher pusher(Map<String, String> organizations, String defaultOrganization) {
        InvoicePlanner planner = new InvoicePlanner(deals, new OrganizationRouter(with(organizations,
                defaultOrganization), crm, variables), taxes, currencies, customers, items, books,
                push.allowedStages(), push.callTimeout());
        return new InvoicePusher(planner, zoho.books(), customers, items, deals,
                new BooksIdsInCrm(zoho.crm(), crm, push.callTimeout()), push, books, clock);
    }

    private RoutingProperties with(Map<String, String> organizations, String defaultOrganization) {
        return new RoutingProperties(organizations, defaultOrganization, routes.organizationsFromCrmVariables(),
                routes.crmVariablePrefix());
    }
}
