package io.dealledger.invoice.plan;

import static io.dealledger.invoice.support.Requests.awaitIssued;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
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
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRequests.Address;
import io.dealledger.zoho.books.BooksRequests.NewContact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A preview is the push's plan without the writes: what the preview of a deal shows is, field by field, the invoice
 * the push then writes to Books (organization, customer, lines, items, tax, totals).
 */
@InvoiceServiceIT
class InvoicePlanIT {

    @LocalServerPort
    int port;
    @Autowired
    ZohoClients zoho;

    @Test
    void aNewCustomerANearDuplicateSkuAndANewItemArePushedAsPreviewed() {
        // Given a new Californian account whose deal sells the Servo (CRM "SV-300", Books "sv-300 "), a product
        // Books has never seen
        String account = CrmData.account(CrmData.unique("Pacific Co"), "CA", "United States", SeedIds.LEGAL_ENTITY_US);
        String newProduct = CrmData.product("Cable harness", CrmData.unique("CH"), "25.00");
        String deal = CrmData.deal("Closed Won", "950.00", "USD", account, SeedIds.PRODUCT_SERVO, 2, "450.00",
                newProduct, 2, "25.00");

        // When it is previewed, then pushed
        JsonNode preview = preview(deal, "{}");
        InvoiceRequested request = Requests.wholeDeal(deal);
        send(request);
        InvoiceIssued issued = awaitIssued(request);

        // Then the push wrote what the preview showed: a new customer, the Servo's existing item, one new item
        assertThat(preview.path("wouldInvoice").asBoolean()).isTrue();
        assertThat(preview.path("customer").path("action").asString()).isEqualTo("CREATE");
        assertThat(preview.path("lines").values()).extracting(l -> l.path("item").path("action").asString())
                .containsExactly("USE", "CREATE");
        assertTheInvoiceIsThePreview(preview, issued);
    }

    @Test
    void aStageBilledToACustomerAdoptedByNameIsPushedAsPreviewed() {
        // Given a UK account and a customer of its name made by hand in the UK org (tied to no account), and a
        // GBP deal of which 30% is asked
        String name = CrmData.unique("Thames Ltd");
        String account = CrmData.account(name, "", "United Kingdom", SeedIds.LEGAL_ENTITY_UK);
        Contact byHand = zoho.books().createContact(SeedIds.UK_ORG_ID, new NewContact(name, name, null,
                new Address(null, "London", null, null, "United Kingdom"), Map.of())).block();
        String deal = CrmData.deal("Closed Won", "1234.56", "GBP", account);
        String body = "{\"stage\":{\"label\":\"Deposit 30%\",\"percentage\":30}}";

        // When the stage is previewed, then pushed
        JsonNode preview = preview(deal, body);
        InvoiceRequested request = Requests.percentage(deal, "Deposit 30%", "30");
        send(request);
        InvoiceIssued issued = awaitIssued(request);

        // Then the preview foresaw the adoption the push made, and the invoice is the previewed one
        assertThat(preview.path("wouldInvoice").asBoolean()).isTrue();
        assertThat(preview.path("customer").path("action").asString()).isEqualTo("USE");
        assertThat(preview.path("customer").path("matchedBy").asString()).isEqualTo("SAME_NAME");
        assertThat(preview.path("customer").path("customerId").asString()).isEqualTo(byHand.contactId());
        assertThat(preview.path("lines").values()).singleElement()
                .satisfies(line -> assertThat(line.path("name").asString()).startsWith("Deposit 30% of "));
        assertTheInvoiceIsThePreview(preview, issued);
    }

    /** The invoice in Books, read back from the emulator, against the preview made before the push. */
    private static void assertTheInvoiceIsThePreview(JsonNode preview, InvoiceIssued issued) {
        String org = preview.path("organization").path("organizationId").asString();
        assertThat(issued.getOrganizationId()).isEqualTo(org);
        JsonNode invoice = TestZoho.booksGet(org, "/invoices/" + issued.getInvoiceId()).path("invoice");
        assertThat(invoice.path("reference_number").asString()).isEqualTo(preview.path("dealName").asString());
        JsonNode customer = preview.path("customer");
        assertThat(invoice.path("customer_name").asString()).isEqualTo(customer.path("name").asString());
        if ("USE".equals(customer.path("action").asString())) {
            assertThat(invoice.path("customer_id").asString()).isEqualTo(customer.path("customerId").asString());
        }
        JsonNode tax = preview.path("tax");
        assertThat(invoice.path("tax_authority_id").asString()).isEqualTo(text(tax.path("taxAuthorityId")));
        JsonNode totals = preview.path("totals");
        assertThat(invoice.path("currency_code").asString()).isEqualTo(totals.path("currency").asString());
        assertThat(decimal(invoice.path("sub_total"))).isEqualByComparingTo(totals.path("subTotal").asString());
        assertThat(decimal(invoice.path("tax_total"))).isEqualByComparingTo(totals.path("taxTotal").asString());
        assertThat(decimal(invoice.path("total"))).isEqualByComparingTo(totals.path("total").asString());
        List<JsonNode> written = List.copyOf(invoice.path("line_items").values());
        List<JsonNode> previewed = List.copyOf(preview.path("lines").values());
        assertThat(written).hasSameSizeAs(previewed);
        for (int i = 0; i < previewed.size(); i++) {
            JsonNode line = previewed.get(i);
            JsonNode booksLine = written.get(i);
            assertThat(booksLine.path("name").asString()).isEqualTo(line.path("name").asString());
            assertThat(text(booksLine.path("description"))).isEqualTo(text(line.path("description")));
            assertThat(decimal(booksLine.path("quantity"))).isEqualByComparingTo(line.path("quantity").asString());
            assertThat(decimal(booksLine.path("rate"))).isEqualByComparingTo(line.path("rate").asString());
            assertThat(decimal(booksLine.path("item_total"))).isEqualByComparingTo(line.path("amount").asString());
            assertThat(booksLine.path("tax_id").asString()).isEqualTo(text(line.path("tax").path("taxId")));
            assertTheItemIsThePreviewed(org, booksLine.path("item_id").asString(), line.path("item"));
        }
    }

    /** USE: that very item; CREATE: a new item with the name and SKU shown; none: no item. */
    private static void assertTheItemIsThePreviewed(String org, String itemId, JsonNode previewed) {
        String action = text(previewed.path("action"));
        if (action.isEmpty()) {
            assertThat(itemId).isEmpty();
        } else if ("USE".equals(action)) {
            assertThat(itemId).isEqualTo(previewed.path("itemId").asString());
        } else {
            JsonNode item = TestZoho.booksGet(org, "/items/" + itemId).path("item");
            assertThat(item.path("name").asString()).isEqualTo(previewed.path("name").asString());
            assertThat(item.path("sku").asString()).isEqualTo(previewed.path("sku").asString());
        }
    }

    private JsonNode preview(String dealId, String body) {
        HttpResponse<String> answer = Previews.post(port, dealId, body);
        assertThat(answer.statusCode()).isEqualTo(200);
        return Previews.json(answer);
    }

    /** Books writes an absent value as "", the preview as null. */
    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "" : node.asString();
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
