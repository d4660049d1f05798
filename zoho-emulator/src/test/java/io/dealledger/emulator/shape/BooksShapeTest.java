package io.dealledger.emulator.shape;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Response;

import static io.dealledger.emulator.seed.SeedIds.*;
import static io.dealledger.emulator.shape.FixtureShape.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Books answer the client reads, held to Zoho's published example for that endpoint (the same fixtures
 * zoho-client parses). What the emulator does not model is listed per test with why: it is an answer to a
 * feature dealledger does not use, never a key the client reads.
 */
class BooksShapeTest extends EmulatorTest {

    private static final Set<String> NOT_MODELED = NotModeled.of(NotModeled.INVENTORY, NotModeled.REGIONAL_TAX,
            NotModeled.PRESENTATION, NotModeled.RECEIVABLES);

    private String invoiceId;
    private String paymentId;
    private String creditNoteId;

    @BeforeEach
    void givenAnInvoicePaidInPartAndCreditedWithARefundedNote() {
        Response contact = zoho.put(books("/contacts/" + BOOKS_CONTACT_SOYLENT, US), json("{'contact_persons':[{'first_name':'Sam',"
                + "'last_name':'Jones','email':'sam.jones@soylent.example','is_primary_contact':true}],"
                + "'custom_fields':[{'api_name':'cf_crm_account_id','value':'" + ACCOUNT_SOYLENT_NY + "'}]}"));
        assertThat(contact.status()).isEqualTo(200);
        Response invoice = zoho.post(books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "',"
                + "'line_items':[{'item_id':'" + BOOKS_ITEM_GRIPPER + "','quantity':2,'tax_id':'" + TAX_NY + "'}],"
                + "'custom_fields':[{'api_name':'cf_dealledger_request_id','value':'shape-1'}]}") );
        invoiceId = invoice.json().string("invoice.invoice_id");
        zoho.post(books("/invoices/" + invoiceId + "/status/sent", US), null);
        paymentId = zoho.post(books("/customerpayments", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','payment_mode':'cash','amount':500,'invoices':[{'invoice_id':'" + invoiceId + "','amount_applied':400}],"
                + "'custom_fields':[{'api_name':'cf_bank_reference','value':'BR-77'}]}"))
                .json().string("payment.payment_id");
        creditNoteId = zoho.post(books("/creditnotes", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','line_items':[{'name':'Goodwill','rate':100,'tax_id':'" + TAX_NY + "'}],"
                + "'custom_fields':[{'api_name':'cf_reason','value':'goodwill'}]}")).json().string("creditnote.creditnote_id");
        zoho.post(books("/creditnotes/" + creditNoteId + "/invoices", US), json("{'invoices':[{'invoice_id':'" + invoiceId
                + "','amount_applied':60}]}"));
        zoho.post(books("/creditnotes/" + creditNoteId + "/refunds", US), json("{'amount':40,'date':'2026-03-04'}"));
    }

    @Test
    void organizations() {
        assertShape(zoho.get("/books/v3/organizations").rawBody(), "books/organizations-list.json", NOT_MODELED);
        // an organization's own custom fields are not modeled (dealledger reads none)
        assertShape(zoho.get("/books/v3/organizations/" + US).rawBody(), "books/organization-get.json",
                NotModeled.of(NOT_MODELED, java.util.Set.of("organization.custom_fields")));
    }

    @Test
    void contacts() {
        assertShape(zoho.get(books("/contacts/" + BOOKS_CONTACT_SOYLENT, US)).rawBody(), "books/contact-get.json", NOT_MODELED);
        assertShape(zoho.get(books("/contacts", US)).rawBody(), "books/contacts-list.json", NOT_MODELED);
        assertShape(zoho.send("PUT", books("/contacts", US), json("{'contact_name':'Umbrella Texas LLC','contact_persons':"
                        + "[{'first_name':'Ada','email':'ada@umbrella.example'}]}"), "X-Unique-Identifier-Key", "cf_crm_account_id",
                "X-Unique-Identifier-Value", ACCOUNT_UMBRELLA_TX, "X-Upsert", "true").rawBody(), "books/contact-upsert.json", NOT_MODELED);
    }

    @Test
    void itemsTaxesCurrencies() {
        assertShape(zoho.send("PUT", books("/items", US), json("{'name':'Installation Service','rate':2000,'sku':'SVC-INSTALL'}"),
                "X-Unique-Identifier-Key", "cf_crm_product_id", "X-Unique-Identifier-Value", PRODUCT_INSTALLATION,
                "X-Upsert", "true").rawBody(), "books/item-upsert.json", NOT_MODELED);
        assertShape(zoho.get(books("/items", US)).rawBody(), "books/items-list.json", NOT_MODELED);
        assertShape(zoho.get(books("/settings/taxes", US)).rawBody(), "books/taxes-list.json", NOT_MODELED);
        assertShape(zoho.get(books("/settings/taxauthorities", US)).rawBody(), "books/tax-authorities-list.json", NOT_MODELED);
        assertShape(zoho.get(books("/settings/currencies", US)).rawBody(), "books/currencies-list.json", NOT_MODELED);
    }

    @Test
    void invoices() {
        assertShape(zoho.get(books("/invoices/" + invoiceId, US)).rawBody(), "books/invoice-get.json", NOT_MODELED);
        assertShape(zoho.get(books("/invoices", US)).rawBody(), "books/invoices-list.json", NOT_MODELED);
        assertShape(zoho.send("PUT", books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "',"
                        + "'line_items':[{'item_id':'" + BOOKS_ITEM_GRIPPER + "','quantity':1,'tax_id':'" + TAX_NY + "'}]}"),
                "X-Unique-Identifier-Key", "cf_dealledger_request_id", "X-Unique-Identifier-Value", "shape-2",
                "X-Upsert", "true").rawBody(), "books/invoice-upsert.json", NOT_MODELED);
        // whether a payment paid this invoice alone is not modeled (the payment's own answer lists its invoices)
        assertShape(zoho.get(books("/invoices/" + invoiceId + "/payments", US)).rawBody(), "books/invoice-payments.json",
                NotModeled.of(NOT_MODELED, java.util.Set.of("is_single_invoice_payment")));
        assertShape(zoho.get(books("/invoices/" + invoiceId + "/creditsapplied", US)).rawBody(),
                "books/invoice-credits-applied.json", NOT_MODELED);
    }

    @Test
    void creates() {
        // Zoho's create responses are the *-upsert fixtures (SOURCES.md)
        assertShape(zoho.post(books("/contacts", US), json("{'contact_name':'Hooli Inc','contact_persons':[{'first_name':"
                + "'Gavin','email':'gavin@hooli.example','is_primary_contact':true}],"
                + "'custom_fields':[{'api_name':'cf_crm_account_id','value':'5725767000000999001'}]}")).rawBody(),
                "books/contact-upsert.json", NOT_MODELED);
        assertShape(zoho.post(books("/items", US), json("{'name':'Calibration','rate':150,'sku':'SVC-CAL',"
                + "'custom_fields':[{'api_name':'cf_crm_product_id','value':'5725767000000999002'}]}")).rawBody(),
                "books/item-upsert.json", NOT_MODELED);
        assertShape(zoho.post(books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "',"
                + "'line_items':[{'item_id':'" + BOOKS_ITEM_GRIPPER + "','quantity':1,'tax_id':'" + TAX_NY + "'}],"
                + "'custom_fields':[{'api_name':'cf_dealledger_request_id','value':'shape-3'}]}")).rawBody(),
                "books/invoice-upsert.json", NOT_MODELED);
    }

    @Test
    void invoiceStatusChanges() {
        String draft = zoho.post(books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "',"
                + "'line_items':[{'item_id':'" + BOOKS_ITEM_GRIPPER + "','quantity':1,'tax_id':'" + TAX_NY + "'}]}"))
                .json().string("invoice.invoice_id");
        String invoice = "/invoices/" + draft;

        assertShape(zoho.post(books(invoice + "/status/sent", US), null).rawBody(), "books/invoice-status-sent.json",
                NOT_MODELED);
        assertShape(zoho.post(books(invoice + "/writeoff", US), null).rawBody(), "books/invoice-writeoff.json",
                NOT_MODELED);
        assertShape(zoho.post(books(invoice + "/writeoff/cancel", US), null).rawBody(),
                "books/invoice-writeoff-cancel.json", NOT_MODELED);
        assertShape(zoho.post(books(invoice + "/status/void", US), null).rawBody(), "books/invoice-status-void.json",
                NOT_MODELED);
        assertThat(zoho.get(books(invoice, US)).json().string("invoice.status")).isEqualTo("void");
    }

    @Test
    void customerPayments() {
        assertShape(zoho.get(books("/customerpayments/" + paymentId, US)).rawBody(), "books/customerpayment-get.json", NOT_MODELED);
        assertShape(zoho.get(books("/customerpayments", US)).rawBody(), "books/customerpayments-list.json", NOT_MODELED);
    }

    @Test
    void creditNotes() {
        assertShape(zoho.get(books("/creditnotes/" + creditNoteId, US)).rawBody(), "books/creditnote-get.json", NOT_MODELED);
        assertShape(zoho.get(books("/creditnotes/" + creditNoteId + "/invoices", US)).rawBody(),
                "books/creditnote-invoices.json", NOT_MODELED);
        assertShape(zoho.get(books("/creditnotes/" + creditNoteId + "/refunds", US)).rawBody(),
                "books/creditnote-refunds-list.json", NOT_MODELED);
    }

    @Test
    void errors() {
        Response unknown = zoho.get(books("/invoices/460000000003999", US));
        Response unauthorized = anonymous.withToken("1000.not-a-token").get(books("/invoices", US));

        assertThat(unknown.status()).isEqualTo(404);
        assertShape(unknown.rawBody(), "books/error-not-found-1002.json", NOT_MODELED);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertShape(unauthorized.rawBody(), "books/error-unauthorized-57.json", NOT_MODELED);
    }
}
