package io.dealledger.invoice.preview;

import static io.dealledger.invoice.support.Requests.awaitIssued;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Previews;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.zoho.ZohoClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The invoice dry-run on invoice-service's HTTP port: what a push would do, with nothing written anywhere. */
@InvoiceServiceIT
class InvoicePreviewIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ZohoClients zoho;

    @Test
    void aPreviewOfADealWithAnUnmappedStateAndANearDuplicateSkuNamesBothAndCreatesNothing() throws Exception {
        // Given a new account billed in Oregon (no tax mapping), whose deal sells the Servo (CRM SKU "SV-300",
        // Books item "sv-300 ") and a product Books has never seen
        String accountName = CrmData.unique("Oregon Co");
        String account = CrmData.account(accountName, "Oregon", "United States", SeedIds.LEGAL_ENTITY_US);
        String newSku = CrmData.unique("NEW");
        String newProduct = CrmData.product("Cable harness", newSku, "25.00");
        String deal = CrmData.deal("Closed Won", "950.00", "USD", account, SeedIds.PRODUCT_SERVO, 2, "450.00",
                newProduct, 2, "25.00");
        long booksWrites = TestZoho.settled(() -> TestZoho.writeCalls("books"));
        long crmWrites = TestZoho.settled(() -> TestZoho.writeCalls("crm"));

        // When it is previewed
        HttpResponse<String> answer = preview(deal, "{}");

        // Then both problems are named: the missing mapping (with both ways to add it) and the near-duplicate SKU
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode preview = JSON.readTree(answer.body());
        assertThat(preview.path("wouldInvoice").asBoolean()).isFalse();
        assertThat(preview.path("reasons").values()).singleElement().satisfies(reason -> {
            assertThat(reason.path("code").asString()).isEqualTo("TAX_REGION_UNMAPPED");
            assertThat(reason.path("category").asString()).isEqualTo("MISSING_TAX_MAPPING");
            assertThat(reason.path("categoryLabel").asString()).isEqualTo("Missing tax mapping");
            assertThat(reason.path("message").asString()).contains("US-OR", "dealledger.invoice.tax.10234695.US-OR",
                    "CRM Variable Books_Org_tax_10234695_US_OR");
        });
        JsonNode servo = preview.path("lines").path(0);
        assertThat(servo.path("product").path("sku").asString()).isEqualTo("SV-300");
        assertThat(servo.path("item").path("action").asString()).isEqualTo("USE");
        assertThat(servo.path("item").path("itemId").asString()).isEqualTo(SeedIds.BOOKS_ITEM_SERVO_TRAP);
        assertThat(servo.path("item").path("sku").asString()).isEqualTo(SeedIds.BOOKS_ITEM_SERVO_TRAP_SKU);
        assertThat(servo.path("item").path("nearDuplicate").asBoolean()).isTrue();
        JsonNode harness = preview.path("lines").path(1);
        assertThat(harness.path("item").path("action").asString()).isEqualTo("CREATE");
        assertThat(harness.path("item").path("sku").asString()).isEqualTo(newSku);
        assertThat(harness.path("item").path("nearDuplicate").asBoolean()).isFalse();
        assertThat(preview.path("customer").path("action").asString()).isEqualTo("CREATE");
        assertThat(preview.path("customer").path("name").asString()).isEqualTo(accountName);
        assertThat(preview.path("organization").path("organizationId").asString()).isEqualTo(SeedIds.US_ORG_ID);
        assertThat(preview.path("tax").isNull()).isTrue();
        assertThat(preview.path("totals").path("subTotal").asString()).isEqualTo("950.00");
        assertThat(preview.path("totals").path("total").isNull()).isTrue();
        // and nothing was written: no POST/PUT/DELETE reached Books or CRM, nothing is on Kafka for the deal
        assertThat(TestZoho.settled(() -> TestZoho.writeCalls("books"))).isEqualTo(booksWrites);
        assertThat(TestZoho.settled(() -> TestZoho.writeCalls("crm"))).isEqualTo(crmWrites);
        assertThat(zoho.books().listItems(SeedIds.US_ORG_ID, Map.of("sku", newSku)).collectList().block()).isEmpty();
        assertThat(Requests.outcomesOfDeal(deal)).isEmpty();
        assertThat(Requests.deadLetters(deal)).isEmpty();
    }

    @Test
    void aPreviewOfAGoodDealListsTheCustomerItemsTaxAndTotalsTheRealPushThenCreates() throws Exception {
        // Given a new Texas account whose deal sells a gripper (SKU "GR-200", as Books has it) and a new product
        String accountName = CrmData.unique("Lone Star Co");
        String account = CrmData.account(accountName, "TX", "USA", SeedIds.LEGAL_ENTITY_US);
        String gripper = CrmData.product("Gripper", "GR-200", "1500.00");
        String newSku = CrmData.unique("FX");
        String fixture = CrmData.product("Fixture " + newSku, newSku, "333.33");
        String deal = CrmData.deal("Closed Won", "3666.66", "USD", account, gripper, 2, "1500.00", fixture, 2, "333.33");

        // When it is previewed, then pushed for real
        JsonNode before = JSON.readTree(preview(deal, "").body());
        InvoiceRequested request = Requests.wholeDeal(deal);
        send(request);
        InvoiceIssued issued = awaitIssued(request);

        // Then the preview named what the push made: customer, items, tax, authority and totals
        assertThat(before.path("wouldInvoice").asBoolean()).isTrue();
        assertThat(before.path("reasons").values()).isEmpty();
        assertThat(before.path("customer").path("action").asString()).isEqualTo("CREATE");
        assertThat(before.path("tax").path("region").asString()).isEqualTo("US-TX");
        assertThat(before.path("tax").path("taxAuthorityName").asString()).isEqualTo("Texas Comptroller of Public Accounts");
        assertThat(before.path("lines").path(1).path("tax").path("taxAuthorityId").asString()).isEqualTo(SeedIds.TAX_AUTHORITY_TX);
        assertThat(before.path("lines").values()).extracting(l -> l.path("item").path("action").asString(),
                l -> l.path("tax").path("amount").asString()).containsExactly(tuple("USE", "187.50"), tuple("CREATE", "41.67"));
        assertThat(before.path("totals").path("subTotal").asString()).isEqualTo("3666.66");
        assertThat(before.path("totals").path("taxTotal").asString()).isEqualTo("229.17");
        assertThat(new BigDecimal(before.path("totals").path("total").asString())).isEqualByComparingTo(issued.getTotal());
        assertThat(new BigDecimal(before.path("totals").path("subTotal").asString())).isEqualByComparingTo(issued.getSubTotal());
        JsonNode invoice = TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.getInvoiceId()).path("invoice");
        assertThat(invoice.path("customer_name").asString()).isEqualTo(before.path("customer").path("name").asString());
        assertThat(invoice.path("tax_authority_id").asString()).isEqualTo(before.path("tax").path("taxAuthorityId").asString());
        assertThat(invoice.path("line_items").values()).extracting(line -> line.path("sku").asString(),
                        line -> line.path("tax_id").asString())
                .containsExactly(tuple(before.path("lines").path(0).path("item").path("sku").asString(), SeedIds.TAX_TX),
                        tuple(before.path("lines").path(1).path("item").path("sku").asString(), SeedIds.TAX_TX));
        assertThat(invoice.path("line_items").path(0).path("item_id").asString())
                .isEqualTo(before.path("lines").path(0).path("item").path("itemId").asString());

        // and a preview now is warm (one Books call: the deal's invoices) and says nothing is left to invoice
        long booksCalls = TestZoho.settled(TestZoho::booksCalls);
        JsonNode after = JSON.readTree(preview(deal, "{}").body());
        assertThat(TestZoho.settled(TestZoho::booksCalls) - booksCalls).isEqualTo(1);
        assertThat(after.path("booksCalls").asInt()).isEqualTo(1);
        assertThat(after.path("customer").path("action").asString()).isEqualTo("USE");
        assertThat(after.path("customer").path("customerId").asString()).isEqualTo(issued.getCustomerId());
        assertThat(after.path("lines").values()).extracting(l -> l.path("item").path("action").asString()).containsOnly("USE");
        assertThat(after.path("totals").path("alreadyInvoiced").asString()).isEqualTo("3666.66");
        assertThat(after.path("totals").path("uninvoiced").asString()).isEqualTo("0.00");
        assertThat(after.path("reasons").values()).extracting(r -> r.path("code").asString(), r -> r.path("category").asString())
                .containsExactly(tuple("STAGE_EXCEEDS_UNINVOICED", "INVALID_REQUEST"));
    }

    @Test
    void whenBooksIsUnavailableThePreviewAnswers503WithTheCategory() throws Exception {
        String account = CrmData.account(CrmData.unique("Brit Co"), "", "United Kingdom", SeedIds.LEGAL_ENTITY_UK);
        String deal = CrmData.deal("Closed Won", "120.00", "GBP", account);
        TestZoho.admin().put("faults/" + SeedIds.UK_ORG_ID, "{\"error_5xx_probability\":1.0}");
        try {
            HttpResponse<String> answer = preview(deal, "{}");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("category").asString()).isEqualTo("BOOKS_UNAVAILABLE");
            assertThat(problem.path("detail").asString()).startsWith("Books unavailable");
        } finally {
            TestZoho.admin().put("faults/" + SeedIds.UK_ORG_ID, "{\"error_5xx_probability\":0}");
        }
    }

    @Test
    void anInvalidBodyIsRefusedWithAProblemNamingTheField() throws Exception {
        HttpResponse<String> answer = preview(SeedIds.DEAL_GLOBEX_CLOSED_WON,
                "{\"stage\":{\"label\":\"Deposit\",\"percentage\":150}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("field").asString()).isEqualTo("stage.percentage");
        assertThat(problem.path("detail").asString()).isEqualTo("stage.percentage must be in (0, 100]");
    }

    @Test
    void aStagePreviewBillsOneLabelledLineAndADealWithoutAccountStillShowsItsOtherReasons() throws Exception {
        // Given Soylent's deal, still in negotiation (USD 3,000, billed in NY at 4%)
        HttpResponse<String> answer = preview(SeedIds.DEAL_SOYLENT_NEGOTIATION,
                "{\"stage\":{\"label\":\"Deposit 30%\",\"percentage\":\"30\"}}");
        JsonNode staged = JSON.readTree(answer.body());
        assertThat(staged.path("stage").path("percentage").asString()).isEqualTo("30");
        assertThat(staged.path("lines").values()).singleElement().satisfies(line -> {
            assertThat(line.path("name").asString()).isEqualTo("Deposit 30% of Soylent - pilot");
            assertThat(line.path("amount").asString()).isEqualTo("900.00");
            assertThat(line.path("tax").path("amount").asString()).isEqualTo("36.00");
        });
        assertThat(staged.path("reasons").values()).extracting(r -> r.path("code").asString())
                .containsExactly("STAGE_NOT_ALLOWED");

        // and a deal without account asked for more than it is worth, in another currency
        JsonNode orphan = JSON.readTree(preview(SeedIds.DEAL_WITHOUT_ACCOUNT,
                "{\"stage\":{\"label\":\"Too much\",\"fixedAmount\":5000,\"currency\":\"EUR\"}}").body());
        assertThat(orphan.path("organization").isNull()).isTrue();
        assertThat(orphan.path("reasons").values()).extracting(r -> r.path("code").asString(), r -> r.path("category").asString())
                .containsExactly(tuple("DEAL_WITHOUT_ACCOUNT", "DEAL_WITHOUT_ACCOUNT"),
                        tuple("STAGE_CURRENCY_MISMATCH", "INVALID_REQUEST"), tuple("STAGE_EXCEEDS_UNINVOICED", "INVALID_REQUEST"));
    }

    private HttpResponse<String> preview(String dealId, String body) {
        return Previews.post(port, dealId, body);
    }
}
