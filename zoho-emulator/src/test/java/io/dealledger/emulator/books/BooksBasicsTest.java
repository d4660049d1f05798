package io.dealledger.emulator.books;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

class BooksBasicsTest extends EmulatorTest {

    @Test
    void listsBothSeededOrganizationsWithTheirCurrency() {
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

    @Test
    void anOrganizationHasACountryInItsAddressAndNoEdition() {
        Json listed = zoho.get("/books/v3/organizations").json();
        Json one = zoho.get("/books/v3/organizations/" + US).json();

        assertThat(listed.at("organizations[0].edition")).isNull();
        assertThat(listed.at("organizations[0].address")).as("list rows carry no address").isNull();
        assertThat(one.string("organization.address.country")).isEqualTo("U.S.A");
        assertThat(one.at("organization.edition")).isNull();
    }

    @Test
    void aTaxedInvoiceNeedsATaxAuthorityInACanadianOrgButNotInAUkOne() {
        zoho.post("/_emulator/books/organizations", json("{'organization_id':'30000002','name':'Maple Ltd',"
                + "'country':'Canada','currency_code':'CAD','currency_id':'300000020000001'}"));
        String tax = zoho.post(books("/settings/taxes", "30000002"), json("{'tax_name':'GST','tax_percentage':5}"))
                .json().string("tax.tax_id");
        String customer = zoho.post(books("/contacts", "30000002"), json("{'contact_name':'Moose Inc'}"))
                .json().string("contact.contact_id");

        Response canadian = zoho.post(books("/invoices", "30000002"), json("{'customer_id':'" + customer
                + "','line_items':[{'name':'x','rate':10,'tax_id':'" + tax + "'}]}"));
        Response british = zoho.post(books("/invoices", UK), json("{'customer_id':'" + BOOKS_CONTACT_INITECH
                + "','line_items':[{'name':'x','rate':10,'tax_id':'" + TAX_UK_VAT_20 + "'}]}"));

        assertThat(canadian.status()).isEqualTo(400);
        assertThat(canadian.json().string("message")).contains("tax_authority_id");
        assertThat(british.status()).isEqualTo(201);
    }

    @Test
    void aContactsPersonsHaveIdsAndItsPrimaryPersonsEmailIsInTheList() {
        Json created = zoho.post(books("/contacts", US), json("{'contact_name':'Pied Piper','contact_persons':["
                + "{'first_name':'Richard','last_name':'Hendricks','email':'richard@piedpiper.example','is_primary_contact':true},"
                + "{'first_name':'Jared','email':'jared@piedpiper.example'}]}")).json();

        String primaryId = created.string("contact.contact_persons[0].contact_person_id");
        assertThat(primaryId).isNotBlank();
        assertThat(created.string("contact.contact_persons[1].contact_person_id")).isNotBlank().isNotEqualTo(primaryId);
        assertThat(created.string("contact.primary_contact_id")).isEqualTo(primaryId);
        Json listed = zoho.get(books("/contacts?email=richard@piedpiper.example", US)).json();
        assertThat(listed.list("contacts")).hasSize(1);
        assertThat(listed.string("contacts[0].email")).isEqualTo("richard@piedpiper.example");
        assertThat(listed.string("contacts[0].first_name")).isEqualTo("Richard");
    }

    @Test
    void paymentListRowsAreSummariesWithoutApplicationsOrModificationTime() {
        String payment = zoho.post(books("/customerpayments", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','payment_mode':'cash','amount':100,'invoices':[{'invoice_id':'" + BOOKS_INVOICE_SOYLENT
                + "','amount_applied':100}]}")).json().string("payment.payment_id");

        Json row = zoho.get(books("/customerpayments", US)).json().get("customerpayments[0]");
        Json one = zoho.get(books("/customerpayments/" + payment, US)).json();

        assertThat(row.string("payment_id")).isEqualTo(payment);
        assertThat(row.at("invoices")).isNull();
        assertThat(row.at("last_modified_time")).isNull();
        assertThat(one.list("payment.invoices")).hasSize(1);
    }

    @Test
    void theDealFilterOfTheInvoiceListCanBeIgnoredAsBooksMayIgnoreIt() {
        zoho.post(books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','zcrm_potential_id':'5725767000000409999','line_items':[{'name':'x','rate':1}]}"));

        int filtered = zoho.get(books("/invoices?zcrm_potential_id=5725767000000409999", US)).json().list("invoices").size();
        zoho.put("/_emulator/books/quirks", json("{'invoice_list_ignores_zcrm_potential_id':true}"));
        int ignored = zoho.get(books("/invoices?zcrm_potential_id=5725767000000409999", US)).json().list("invoices").size();

        assertThat(filtered).isEqualTo(1);
        assertThat(ignored).isEqualTo(2);
    }
}
