package io.dealledger.emulator.books;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Response;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Upserts by unique custom field; the keys are fields marked "Prevent Duplicate Values" (zoho-emulator.books.*). */
class UpsertTest extends EmulatorTest {

    private Response upsert(String module, String key, String value, boolean create, String body) {
        return zoho.send("PUT", books("/" + module, US), body, "X-Unique-Identifier-Key", key,
                "X-Unique-Identifier-Value", value, "X-Upsert", String.valueOf(create));
    }

    @Test
    void theSameInvoiceRequestSentTwiceCreatesOneInvoice() {
        String body = json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "','line_items':[{'name':'Stage 1','rate':700}]}");

        Response first = upsert("invoices", "cf_dealledger_request_id", "req-42", true, body);
        Response second = upsert("invoices", "cf_dealledger_request_id", "req-42", true, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().string("invoice.invoice_id")).isEqualTo(first.json().string("invoice.invoice_id"));
        assertThat(zoho.get(books("/invoices?custom_field=req-42", US)).json().list("invoices")).hasSize(1);
        assertThat(second.json().string("invoice.custom_field_hash.cf_dealledger_request_id")).isEqualTo("req-42");
    }

    @Test
    void withoutXUpsertAnUnknownKeyIsNotFound() {
        Response response = upsert("invoices", "cf_dealledger_request_id", "nope", false,
                json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "','line_items':[{'name':'x','rate':1}]}"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().integer("code")).isEqualTo(1002);
    }

    @Test
    void contactsAndItemsUpsertByTheirUniqueField() {
        Response contact = upsert("contacts", "cf_crm_account_id", ACCOUNT_UMBRELLA_TX, true, json("{'contact_name':'Umbrella Texas LLC'}"));
        Response again = upsert("contacts", "cf_crm_account_id", ACCOUNT_UMBRELLA_TX, true, json("{'contact_name':'Umbrella Texas LLC','email':'ap@umbrella.example'}"));
        Response item = upsert("items", "cf_crm_product_id", PRODUCT_INSTALLATION, true, json("{'name':'Installation Service','rate':2000,'sku':'SVC-INSTALL'}"));
        Response itemAgain = upsert("items", "cf_crm_product_id", PRODUCT_INSTALLATION, true, json("{'name':'Installation Service','rate':2100}"));

        assertThat(contact.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().string("contact.contact_id")).isEqualTo(contact.json().string("contact.contact_id"));
        assertThat(again.json().string("contact.email")).isEqualTo("ap@umbrella.example");
        assertThat(item.status()).isEqualTo(201);
        assertThat(itemAgain.json().decimal("item.rate")).isEqualByComparingTo("2100");
        assertThat(zoho.get(books("/items?sku=SVC-INSTALL", US)).json().list("items")).hasSize(1);
    }

    @Test
    void onlyAFieldThatPreventsDuplicateValuesIsAnUpsertKey() {
        // Books upserts only by a custom field created with "Prevent Duplicate Values"
        Response response = upsert("contacts", "cf_region", "west", true, json("{'contact_name':'Region West Inc'}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().string("message")).contains("cf_region").contains("prevent duplicate values");
        assertThat(zoho.get(books("/contacts?contact_name=Region%20West%20Inc", US)).json().list("contacts")).isEmpty();
    }

    @Test
    void aMissingUniqueKeyHeaderIsRefused() {
        Response response = zoho.put(books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "'}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().string("message")).contains("X-Unique-Identifier-Key");
    }
}
