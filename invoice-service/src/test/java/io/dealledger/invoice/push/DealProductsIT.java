package io.dealledger.invoice.push;

import static io.dealledger.invoice.support.Requests.awaitIssued;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Where a deal's lines come from and how its earlier invoices are found, as CRM and Books really answer. */
@InvoiceServiceIT
class DealProductsIT {

    @Test
    void aDealWhoseProductsAreInItsRelatedListIsBilledPerProduct() {
        // Given a deal with no line-item rows but two products in its Products related list
        String account = CrmData.usAccount("CA");
        String bolt = CrmData.product("Bolt", CrmData.unique("BT"), "2.50");
        String nut = CrmData.product("Nut", CrmData.unique("NT"), "1.25");
        String deal = CrmData.deal("Closed Won", "3.75", "USD", account);
        relate(deal, bolt);
        relate(deal, nut);

        // When it is invoiced
        InvoiceRequested request = Requests.wholeDeal(deal);
        send(request);
        InvoiceIssued issued = awaitIssued(request);

        // Then each product is a line (mismatch 6: CRM v7 refused the related list without `fields`, the refusal
        // was swallowed, and the deal was billed as one line for its amount)
        JsonNode invoice = TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.getInvoiceId()).path("invoice");
        assertThat(invoice.path("line_items").values()).extracting(line -> line.path("name").asString(),
                line -> line.path("rate").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("Bolt", "2.5"), tuple("Nut", "1.25"));
    }

    @Test
    void theDealsEarlierInvoicesAreFoundEvenIfBooksIgnoresTheDealFilter() {
        // Given Books listing every invoice of the org for GET /invoices?zcrm_potential_id=… (the filter is
        // documented for estimates, not for invoices), and an org that already holds other deals' invoices
        String account = CrmData.usAccount("NY");
        String product = CrmData.product("Widget", CrmData.unique("WG"), "100.00");
        String deal = CrmData.deal("Closed Won", "100.00", "USD", account, product, 1, "100.00");
        TestZoho.admin().put("books/quirks", "{\"invoice_list_ignores_zcrm_potential_id\":true}");
        try {
            // When the deal is invoiced in full
            InvoiceRequested request = Requests.wholeDeal(deal);
            send(request);

            // Then it is issued (mismatch 10: the whole org's invoices counted as already invoiced for this deal,
            // and every request was refused as exceeding the deal's value)
            InvoiceIssued issued = awaitIssued(request);
            assertThat(issued.getSubTotal()).isEqualByComparingTo("100");
        } finally {
            TestZoho.admin().put("books/quirks", "{\"invoice_list_ignores_zcrm_potential_id\":false}");
        }
    }

    /** Adds a product to the deal's Products related list, as a CRM user does. */
    private static void relate(String dealId, String productId) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            TestZoho.emulator().baseUrl() + "/crm/v7/Deals/" + dealId + "/Products"))
                    .header("Authorization", "Zoho-oauthtoken " + TestZoho.emulator().accessToken())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":[{\"id\":\"" + productId + "\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
