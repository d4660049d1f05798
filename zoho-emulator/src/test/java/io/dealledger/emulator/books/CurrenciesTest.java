package io.dealledger.emulator.books;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Several currencies per organization: a customer in EUR on a USD org is invoiced in EUR at Books' rate. */
class CurrenciesTest extends EmulatorTest {

    @Test
    void anOrganizationListsItsBaseCurrencyAndTheOthersWithBooksRates() {
        Json currencies = zoho.get(books("/settings/currencies", US)).json();

        assertThat(currencies.list("currencies")).hasSize(4);
        assertThat(currencies.string("currencies[0].currency_id")).isEqualTo(CURRENCY_US_USD);
        assertThat(currencies.string("currencies[0].is_base_currency")).isEqualTo("true");
        assertThat(currencies.string("currencies[1].currency_code")).isEqualTo("EUR");
        assertThat(currencies.decimal("currencies[1].exchange_rate")).isEqualByComparingTo("1.085");
    }

    @Test
    void aEuroCustomerIsInvoicedInEuroAtBooksRate() {
        String customer = zoho.post(books("/contacts", US), json("{'contact_name':'Euro GmbH','currency_id':'"
                + CURRENCY_US_EUR + "'}")).json().string("contact.contact_id");

        Json invoice = zoho.post(books("/invoices", US), json("{'customer_id':'" + customer + "','currency_id':'"
                + CURRENCY_US_EUR + "','line_items':[{'name':'Consulting','rate':1000.555,'quantity':1}]}")).json();

        assertThat(invoice.string("invoice.currency_code")).isEqualTo("EUR");
        assertThat(invoice.string("invoice.currency_id")).isEqualTo(CURRENCY_US_EUR);
        assertThat(invoice.decimal("invoice.exchange_rate")).isEqualByComparingTo("1.085");
        assertThat(invoice.decimal("invoice.total")).isEqualByComparingTo("1000.56");
        assertThat(zoho.get(books("/contacts/" + customer, US)).json().string("contact.currency_code")).isEqualTo("EUR");
    }

    @Test
    void anInvoiceTakesTheExchangeRateItIsGiven() {
        String customer = zoho.post(books("/contacts", US), json("{'contact_name':'Rate GmbH','currency_id':'"
                + CURRENCY_US_EUR + "'}")).json().string("contact.contact_id");

        Json invoice = zoho.post(books("/invoices", US), json("{'customer_id':'" + customer + "','exchange_rate':1.1,"
                + "'line_items':[{'name':'Consulting','rate':100}]}")).json();

        assertThat(invoice.decimal("invoice.exchange_rate")).isEqualByComparingTo("1.1");
        assertThat(invoice.string("invoice.currency_code")).isEqualTo("EUR");
    }

    @Test
    void anInvoiceInAnotherCurrencyThanItsCustomersOrAnUnknownCurrencyIsRefused() {
        Response otherCurrency = zoho.post(books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT
                + "','currency_id':'" + CURRENCY_US_EUR + "','line_items':[{'name':'x','rate':1}]}"));
        Response unknown = zoho.post(books("/contacts", US), json("{'contact_name':'Nowhere Ltd','currency_id':'999'}"));

        assertThat(otherCurrency.status()).isEqualTo(400);
        assertThat(otherCurrency.json().string("message")).contains("currency_id");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().string("message")).contains("currency_id");
    }

    @Test
    void aCustomerWithInvoicesKeepsItsCurrency() {
        Response changed = zoho.put(books("/contacts/" + BOOKS_CONTACT_SOYLENT, US), json("{'currency_id':'"
                + CURRENCY_US_EUR + "'}"));

        assertThat(changed.status()).isEqualTo(400);
        assertThat(zoho.get(books("/contacts/" + BOOKS_CONTACT_SOYLENT, US)).json().string("contact.currency_code"))
                .isEqualTo("USD");
    }

    @Test
    void moneyIsKeptAtEachCurrencysScale() {
        zoho.post("/_emulator/books/organizations/" + US + "/currencies", json("{'currency_code':'JPY','exchange_rate':0.0067,"
                + "'currency_id':'460000000000104'}"));
        String customer = zoho.post(books("/contacts", US), json("{'contact_name':'Tokyo KK','currency_id':'460000000000104'}"))
                .json().string("contact.contact_id");

        Json invoice = zoho.post(books("/invoices", US), json("{'customer_id':'" + customer
                + "','line_items':[{'name':'Robot','rate':1500000.4}]}")).json();

        assertThat(invoice.string("invoice.total")).isEqualTo("1500000");
        assertThat(invoice.string("invoice.currency_code")).isEqualTo("JPY");
    }
}
