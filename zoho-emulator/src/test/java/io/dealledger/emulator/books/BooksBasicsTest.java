package io.dealledger.emulator.books;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;

import static org.assertj.core.api.Assertions.assertThat;

class BooksBasicsTest extends EmulatorTest {

    @Test
    void listsBothSeededOrganizationsWithTheirEditionAndCurrency() {
        Response response = zoho.get("/books/v3/organizations");

        assertThat(response.status()).isEqualTo(200);
        Json body = response.json();
        assertThat(body.integer("code")).isZero();
        assertThat(body.string("organizations[0].organization_id")).isEqualTo(SeedIds.US_ORG_ID);
        assertThat(body.string("organizations[0].currency_code")).isEqualTo("USD");
        assertThat(body.string("organizations[1].currency_code")).isEqualTo("GBP");
    }

    @Test
    void refusesARequestWithoutOrAnUnknownOrganization() {
        Response missing = zoho.get("/books/v3/invoices");
        Response unknown = zoho.get("/books/v3/invoices?organization_id=99999999");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().integer("code")).isEqualTo(6041);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().integer("code")).isEqualTo(6041);
    }

    @Test
    void answersUnknownIdsWithCode1002AndUnknownPathsWithCode5() {
        Response invoice = zoho.get(books("/invoices/460000000003999", US));
        Response path = zoho.get(books("/nosuchthing", US));

        assertThat(invoice.status()).isEqualTo(404);
        assertThat(invoice.json().integer("code")).isEqualTo(1002);
        assertThat(invoice.json().string("message")).isEqualTo("Invoice does not exist.");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.json().integer("code")).isEqualTo(5);
    }

    @Test
    void createsAContactWith201AndRefusesTheSameNameAgain() {
        Response created = zoho.post(books("/contacts", US), json("{'contact_name':'Hooli Inc','email':'ap@hooli.example'}"));
        Response duplicate = zoho.post(books("/contacts", US), json("{'contact_name':' hooli inc '}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().string("contact.contact_name")).isEqualTo("Hooli Inc");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().integer("code")).isEqualTo(3062);
        assertThat(zoho.get(books("/contacts?contact_name=Hooli%20Inc", US)).json().list("contacts")).hasSize(1);
    }

    @Test
    void treatsSkusAsExactStringsSoNearDuplicatesBecomeSeparateItems() {
        for (String sku : new String[] {"AB-100 ", "ab-100", "AB100", "AB-100"}) {
            assertThat(zoho.post(books("/items", US), json("{'name':'Widget " + sku + "','rate':10,'sku':'" + sku + "'}")).status())
                    .isEqualTo(201);
        }
        Response exactDuplicate = zoho.post(books("/items", US), json("{'name':'Widget again','rate':10,'sku':'AB-100'}"));

        assertThat(exactDuplicate.status()).isEqualTo(400);
        assertThat(exactDuplicate.json().integer("code")).isEqualTo(1001);
        assertThat(zoho.get(books("/items?sku=AB-100", US)).json().list("items")).hasSize(1);
        assertThat(zoho.get(books("/items/" + SeedIds.BOOKS_ITEM_SERVO_TRAP, US)).json().string("item.sku")).isEqualTo("sv-300 ");
    }

    @Test
    void pagesListsWithPageContext() {
        for (int i = 0; i < 3; i++) {
            zoho.post(books("/items", UK), json("{'name':'Part " + i + "','rate':1}"));
        }

        Json first = zoho.get(books("/items?per_page=2&page=1", UK)).json();
        Json second = zoho.get(books("/items?per_page=2&page=2", UK)).json();

        assertThat(first.list("items")).hasSize(2);
        assertThat(first.at("page_context.has_more_page")).isEqualTo(true);
        assertThat(second.list("items")).hasSize(2);
        assertThat(second.at("page_context.has_more_page")).isEqualTo(false);
    }

    @Test
    void acceptsTheOlderJsonStringFormBody() {
        Response created = zoho.send("POST", books("/contacts", UK),
                "JSONString=" + java.net.URLEncoder.encode(json("{'contact_name':'Form Client Ltd'}"), java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().string("contact.contact_name")).isEqualTo("Form Client Ltd");
    }

    @Test
    void listsStateTaxesWithTheirAuthoritiesInTheUsOrgAndVatInTheUkOrg() {
        Json us = zoho.get(books("/settings/taxes", US)).json();
        Json authorities = zoho.get(books("/settings/taxauthorities", US)).json();
        Json uk = zoho.get(books("/settings/taxes", UK)).json();

        assertThat(us.string("taxes[0].tax_authority_id")).isEqualTo(SeedIds.TAX_AUTHORITY_CA);
        assertThat(authorities.list("tax_authorities")).hasSize(4);
        assertThat(uk.decimal("taxes[0].tax_percentage")).isEqualByComparingTo("20");
        assertThat(zoho.post(books("/settings/taxauthorities", UK), json("{'tax_authority_name':'HMRC'}")).status()).isEqualTo(400);
    }
}
