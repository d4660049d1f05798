package io.dealledger.invoice.push;

import static io.dealledger.invoice.support.Requests.awaitIssued;
import static io.dealledger.invoice.support.Requests.awaitOutcomes;
import static io.dealledger.invoice.support.Requests.awaitRejected;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.events.RejectionReason;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.Item;
import io.dealledger.zoho.crm.CrmRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A deal's invoice, pushed through the real broker to the Zoho emulator, as a CRM user would see it. */
@InvoiceServiceIT
class InvoicePushIT {

    @Autowired
    ZohoClients zoho;

    @Test
    void aClosedWonDealWithThreeProductsInCaliforniaLandsOneInvoiceWithTheCaTaxAuthority() {
        // Given the seed deal "Globex - Robot cell": Closed Won, USD 16,800, Robot Arm + 2 Grippers + 4 Servos,
        // its account billed in CA by "Acme Robotics Inc.", and Books holding the Servo as SKU "sv-300 "
        InvoiceRequested request = Requests.wholeDeal(SeedIds.DEAL_GLOBEX_CLOSED_WON);

        // When the request is published
        send(request);

        // Then one invoice lands in the US org for Globex's existing customer, with the CA authority and tax
        InvoiceIssued issued = awaitIssued(request);
        assertThat(issued.getOrganizationId()).isEqualTo(SeedIds.US_ORG_ID);
        assertThat(issued.getCustomerId()).isEqualTo(SeedIds.BOOKS_CONTACT_GLOBEX);
        assertThat(issued.getTotal()).isEqualByComparingTo("18018.000");
        assertThat(issued.getCurrency()).isEqualTo("USD");
        assertThat(issued.getDealAmount()).isEqualByComparingTo("16800");
        assertThat(issued.getAccountId()).isEqualTo(SeedIds.ACCOUNT_GLOBEX_CA);
        assertThat(issued.getInvoiceUrl()).startsWith("https://");
        List<Invoice> invoices = dealInvoices(SeedIds.US_ORG_ID, SeedIds.DEAL_GLOBEX_CLOSED_WON);
        assertThat(invoices).singleElement().satisfies(invoice -> {
            assertThat(invoice.invoiceId()).isEqualTo(issued.getInvoiceId());
            assertThat(invoice.referenceNumber()).isEqualTo("Globex - Robot cell");
            assertThat(invoice.customFields()).containsEntry("cf_dealledger_request_id", request.getRequestId())
                    .containsEntry("cf_crm_deal_id", SeedIds.DEAL_GLOBEX_CLOSED_WON);
        });
        JsonNode invoice = TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.getInvoiceId()).path("invoice");
        assertThat(invoice.path("tax_authority_id").asString()).isEqualTo(SeedIds.TAX_AUTHORITY_CA);
        assertThat(invoice.path("zcrm_potential_id").asString()).isEqualTo(SeedIds.DEAL_GLOBEX_CLOSED_WON);
        assertThat(invoice.path("line_items").values()).extracting(line -> line.path("item_id").asString(),
                        line -> line.path("quantity").decimalValue().intValue(), line -> line.path("tax_id").asString())
                .containsExactly(tuple(SeedIds.BOOKS_ITEM_ROBOT_ARM, 1, SeedIds.TAX_CA),
                        tuple(SeedIds.BOOKS_ITEM_GRIPPER, 2, SeedIds.TAX_CA), tuple(SeedIds.BOOKS_ITEM_SERVO_TRAP, 4, SeedIds.TAX_CA));
        // and the SV-300 product reused the "sv-300 " item: no second Servo item
        assertThat(usItems().stream().filter(i -> "SV300".equals(io.dealledger.invoice.sku.Sku.normalize(i.sku()))))
                .extracting(Item::itemId).containsExactly(SeedIds.BOOKS_ITEM_SERVO_TRAP);
        // and the Books ids are written back to the CRM account and products
        assertThat(crm("Accounts", SeedIds.ACCOUNT_GLOBEX_CA).string("Books_Customer_Id")).isEqualTo(SeedIds.BOOKS_CONTACT_GLOBEX);
        assertThat(crm("Products", SeedIds.PRODUCT_SERVO).string("Books_Item_Id")).isEqualTo(SeedIds.BOOKS_ITEM_SERVO_TRAP);
        assertThat(crm("Products", SeedIds.PRODUCT_GRIPPER).string("Books_Item_Id")).isEqualTo(SeedIds.BOOKS_ITEM_GRIPPER);
        // (the Robot Arm is sold by both orgs: its one Books_Item_Id keeps the first org's item)
        assertThat(TestZoho.admin().get("crm/writes?module=Accounts").toString()).contains(SeedIds.ACCOUNT_GLOBEX_CA).contains("\"trigger\":[]");
    }

    @Test
    void aNewCustomerHasTheDealsContactAsItsPrimaryContactPerson() {
        // Given a new account whose deal names a contact
        String account = CrmData.usAccount("Texas");
        String contact = CrmData.contact(account, "Grace", "Hopper", "grace@" + CrmData.unique("navy").toLowerCase() + ".example");
        String product = CrmData.product("Relay", CrmData.unique("RL"), "40.00");
        InvoiceRequested request = Requests.wholeDeal(CrmData.dealWithContact(contact, "Closed Won", "80.00", "USD",
                account, product, 2, "40.00"));

        // When it is invoiced
        send(request);
        String customer = awaitIssued(request).getCustomerId();

        // Then the Books customer created for the account has the deal's contact as its primary person
        JsonNode person = TestZoho.booksGet(SeedIds.US_ORG_ID, "/contacts/" + customer).path("contact")
                .path("contact_persons").path(0);
        assertThat(person.path("first_name").asString()).isEqualTo("Grace");
        assertThat(person.path("last_name").asString()).isEqualTo("Hopper");
        assertThat(person.path("email").asString()).endsWith(".example").startsWith("grace@");
        assertThat(person.path("is_primary_contact").asBoolean()).isTrue();
    }

    @Test
    void aSecondDealForTheSameAccountReusesItsCustomer() {
        // Given a new account that has had one invoice already
        String account = CrmData.usAccount("New York");
        String product = CrmData.product("Cable kit", CrmData.unique("CK"), "100.00");
        InvoiceRequested first = Requests.wholeDeal(CrmData.deal("Closed Won", "100.00", "USD", account, product, 1, "100.00"));
        send(first);
        String customer = awaitIssued(first).getCustomerId();

        // When a second deal of that account is invoiced
        InvoiceRequested second = Requests.wholeDeal(CrmData.deal("Closed Won", "300.00", "USD", account, product, 3, "100.00"));
        send(second);

        // Then both invoices bill the one Books customer tied to the account
        assertThat(awaitIssued(second).getCustomerId()).isEqualTo(customer);
        assertThat(customersOf(SeedIds.US_ORG_ID, account)).extracting(Contact::contactId).containsExactly(customer);
        assertThat(crm("Accounts", account).string("Books_Customer_Id")).isEqualTo(customer);
    }

    @Test
    void anUnmappedStateIsRejectedNamingTheState() {
        // Given an account billed in Oregon, for which no tax is configured
        String account = CrmData.usAccount("Oregon");
        InvoiceRequested request = Requests.wholeDeal(CrmData.deal("Closed Won", "500.00", "USD", account));

        // When
        send(request);

        // Then
        InvoiceRejected rejected = awaitRejected(request);
        assertThat(rejected.getOrganizationId()).isEqualTo(SeedIds.US_ORG_ID);
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode, RejectionReason::getCategory)
                .containsExactly(tuple("TAX_REGION_UNMAPPED", "MISSING_TAX_MAPPING"));
        assertThat(rejected.getReasons().get(0).getMessage()).contains("US-OR", "Oregon", SeedIds.US_ORG_ID,
                "dealledger.invoice.tax." + SeedIds.US_ORG_ID + ".US-OR", "CRM Variable Books_Org_tax_" + SeedIds.US_ORG_ID + "_US_OR");
        assertThat(dealInvoices(SeedIds.US_ORG_ID, request.getDealId())).isEmpty();
    }

    @Test
    void aDealWithoutAccountIsRejected() {
        InvoiceRequested request = Requests.wholeDeal(SeedIds.DEAL_WITHOUT_ACCOUNT);

        send(request);

        InvoiceRejected rejected = awaitRejected(request);
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode, RejectionReason::getCategory)
                .containsExactly(tuple("DEAL_WITHOUT_ACCOUNT", "DEAL_WITHOUT_ACCOUNT"));
        assertThat(rejected.getReasons().get(0).getField()).isEqualTo("Account_Name");
        assertThat(rejected.getOrganizationId()).isNull();
    }

    @Test
    void everyReasonADealCannotBeInvoicedIsReportedAtOnce() {
        // Given a deal still in negotiation, with a product without SKU, for an account of an unknown legal entity
        String account = CrmData.account(CrmData.unique("Nowhere Inc"), "CA", "US", "Acme Robotics GmbH");
        String noSku = CrmData.product("Mystery part", null, "10.00");
        InvoiceRequested request = Requests.wholeDeal(CrmData.deal("Negotiation/Review", "10.00", "USD", account, noSku, 1, "10.00"));

        send(request);

        InvoiceRejected rejected = awaitRejected(request);
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode, RejectionReason::getCategory)
                .containsExactly(tuple("LEGAL_ENTITY_UNMAPPED", "MISSING_ORG_MAPPING"), tuple("STAGE_NOT_ALLOWED", "INVALID_REQUEST"),
                        tuple("PRODUCT_WITHOUT_SKU", "UNKNOWN_SKU"));
        assertThat(rejected.getReasons().get(0).getMessage()).contains("Acme Robotics GmbH", "Books_Org_Acme_Robotics_GmbH");
    }

    @Test
    void routingByLegalEntitySendsInitechToTheUkOrgWithVat() {
        // Given the seed deal of Initech, whose legal entity is "Acme Robotics Ltd", and the UK org already holding
        // a customer named "Initech UK Ltd" (made in Books by hand, not tied to the account)
        InvoiceRequested request = Requests.wholeDeal(SeedIds.DEAL_INITECH_UK_CLOSED_WON);

        send(request);

        // Then the invoice is in the UK org, for that customer (adopted, not duplicated), with 20% VAT
        InvoiceIssued issued = awaitIssued(request);
        assertThat(issued.getOrganizationId()).isEqualTo(SeedIds.UK_ORG_ID);
        assertThat(issued.getCustomerId()).isEqualTo(SeedIds.BOOKS_CONTACT_INITECH);
        assertThat(issued.getCurrency()).isEqualTo("GBP");
        assertThat(issued.getTotal()).isEqualByComparingTo("11400.000");
        assertThat(dealInvoices(SeedIds.US_ORG_ID, SeedIds.DEAL_INITECH_UK_CLOSED_WON)).isEmpty();
        assertThat(crm("Accounts", SeedIds.ACCOUNT_INITECH_UK).string("Books_Customer_Id")).isEqualTo(SeedIds.BOOKS_CONTACT_INITECH);
    }

    @Test
    void aDepositStageIsInvoicedAsOneLabelledLineAndAStageBeyondTheUninvoicedValueIsRejected() {
        // Given a USD 10,000 deal billed in Texas
        String account = CrmData.usAccount("TX");
        String product = CrmData.product("Robot cell", CrmData.unique("RC"), "10000.00");
        String deal = CrmData.deal("Closed Won", "10000.00", "USD", account, product, 1, "10000.00");

        // When a 30% deposit is asked for, then a fixed 8,000 stage
        InvoiceRequested deposit = Requests.percentage(deal, "Deposit 30%", "30");
        send(deposit);
        InvoiceIssued issued = awaitIssued(deposit);
        InvoiceRequested tooMuch = Requests.fixed(deal, "Milestone 1", "8000", "USD");
        send(tooMuch);

        // Then the deposit bills 3,000 + 6.25% TX tax on a line named after the stage
        assertThat(issued.getTotal()).isEqualByComparingTo("3187.500");
        assertThat(issued.getStageLabel()).isEqualTo("Deposit 30%");
        JsonNode invoice = TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.getInvoiceId()).path("invoice");
        assertThat(invoice.path("line_items").values()).singleElement().satisfies(line -> {
            assertThat(line.path("name").asString()).startsWith("Deposit 30% of Deal ");
            assertThat(line.path("rate").decimalValue()).isEqualByComparingTo("3000.00");
            assertThat(line.path("tax_id").asString()).isEqualTo(SeedIds.TAX_TX);
        });
        assertThat(invoice.path("tax_authority_id").asString()).isEqualTo(SeedIds.TAX_AUTHORITY_TX);
        // and 8,000 more is refused: only 7,000 is left to invoice
        InvoiceRejected rejected = awaitRejected(tooMuch);
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode, RejectionReason::getCategory)
                .containsExactly(tuple("STAGE_EXCEEDS_UNINVOICED", "INVALID_REQUEST"));
        assertThat(rejected.getReasons().get(0).getMessage()).contains("8000.00", "7000.00");
        assertThat(dealInvoices(SeedIds.US_ORG_ID, deal)).hasSize(1);
    }

    private List<Invoice> dealInvoices(String org, String dealId) {
        return zoho.books().listInvoices(org, Map.of("zcrm_potential_id", dealId)).collectList().block();
    }

    private List<Item> usItems() {
        return zoho.books().listItems(SeedIds.US_ORG_ID, Map.of()).collectList().block();
    }

    private List<Contact> customersOf(String org, String accountId) {
        return zoho.books().listContacts(org, Map.of()).filter(c -> accountId.equals(c.customFields().get("cf_crm_account_id")))
                .collectList().block();
    }

    private CrmRecord crm(String module, String id) {
        return zoho.crm().getRecord(module, id).block();
    }

}
