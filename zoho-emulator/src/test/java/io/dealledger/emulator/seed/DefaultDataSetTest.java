package io.dealledger.emulator.seed;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The ids documented in SeedIds and the README are the ones a client reads. */
class DefaultDataSetTest extends EmulatorTest {

    @Test
    void booksIdsMatchTheDocumentedConstants() {
        assertThat(zoho.get(books("/contacts/" + BOOKS_CONTACT_GLOBEX, US)).json().string("contact.tax_authority_id")).isEqualTo(TAX_AUTHORITY_CA);
        assertThat(zoho.get(books("/contacts/" + BOOKS_CONTACT_INITECH, UK)).json().string("contact.contact_name")).isEqualTo("Initech UK Ltd");
        assertThat(zoho.get(books("/items/" + BOOKS_ITEM_ROBOT_ARM_UK, UK)).json().string("item.sku")).isEqualTo("RA-100");
        assertThat(zoho.get(books("/settings/taxes/" + TAX_WA, US)).json().string("tax.tax_authority_id")).isEqualTo(TAX_AUTHORITY_WA);
        assertThat(zoho.get(books("/settings/taxes/" + TAX_UK_ZERO, UK)).json().decimal("tax.tax_percentage")).isEqualByComparingTo("0");
        Json invoice = zoho.get(books("/invoices/" + BOOKS_INVOICE_SOYLENT, US)).json().get("invoice");
        assertThat(invoice.decimal("total")).isEqualByComparingTo("3120.00");
        assertThat(invoice.string("status")).isEqualTo("sent");
        assertThat(invoice.string("tax_authority_id")).isEqualTo(TAX_AUTHORITY_NY);
    }

    @Test
    void crmIdsMatchTheDocumentedConstants() {
        assertThat(zoho.get("/crm/v7/Accounts/" + ACCOUNT_CYBERDYNE_WA).json().string("data[0].Billing_State")).isEqualTo("WA");
        assertThat(zoho.get("/crm/v7/Accounts/" + ACCOUNT_INITECH_UK).json().string("data[0].Legal_Entity")).isEqualTo(LEGAL_ENTITY_UK);
        assertThat(zoho.get("/crm/v7/Contacts/" + CONTACT_ADA_UMBRELLA).json().string("data[0].Full_Name")).isEqualTo("Ada Lovelace");
        assertThat(zoho.get("/crm/v7/Products/" + PRODUCT_INSTALLATION).json().string("data[0].Product_Code")).isEqualTo("SVC-INSTALL");
        assertThat(zoho.get("/crm/v7/Deals/" + DEAL_INITECH_UK_CLOSED_WON).json().string("data[0].Currency")).isEqualTo("GBP");
        assertThat(zoho.get("/crm/v7/Deals/" + DEAL_UMBRELLA_TX_CLOSED_WON).json().string("data[0].Account_Name.id")).isEqualTo(ACCOUNT_UMBRELLA_TX);
        assertThat(zoho.get("/crm/v7/Deals/" + DEAL_WITHOUT_ACCOUNT).json().at("data[0].Account_Name")).isNull();
        assertThat(zoho.get("/crm/v7/settings/variables/" + VARIABLE_ORG_US).json().string("variables[0].value")).isEqualTo(US_ORG_ID);
    }

    @Test
    void theSeedIsNotCountedAsTraffic() {
        assertThat(anonymous.get("/_emulator/calls").json().integer("total")).isZero();
        assertThat(anonymous.get("/_emulator/crm/writes").json().list("writes")).isEmpty();
        assertThat(anonymous.get("/_emulator/deliveries").json().list("deliveries")).isEmpty();
    }
}
