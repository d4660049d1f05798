package io.dealledger.invoice.push;

import static io.dealledger.invoice.support.Requests.awaitIssued;
import static io.dealledger.invoice.support.Requests.awaitRejected;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deals in other currencies than the Books organization's base one (mismatch 7): Books takes a currency by its
 * id and converts at its own rate, and bills a customer in the customer's currency only.
 */
@InvoiceServiceIT
class CurrencyIT {

    @Test
    void aEuroDealOnAUsOrganizationGivesAEuroCustomerAndAEuroInvoiceAtBooksRate() {
        // Given a new Californian account of the US org (base USD, EUR enabled at Books' rate 1.085) and a EUR deal
        String account = CrmData.usAccount("CA");
        String product = CrmData.product("Euro arm", CrmData.unique("EA"), "1000.00");
        InvoiceRequested request = Requests.wholeDeal(CrmData.deal("Closed Won", "2000.00", "EUR", account, product, 2,
                "1000.00"));

        // When it is invoiced
        send(request);
        InvoiceIssued issued = awaitIssued(request);

        // Then the invoice is in EUR at Books' exchange rate, for a customer billed in EUR
        assertThat(issued.getCurrency()).isEqualTo("EUR");
        assertThat(issued.getDealCurrency()).isEqualTo("EUR");
        assertThat(issued.getSubTotal()).isEqualByComparingTo("2000");
        JsonNode invoice = TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.getInvoiceId()).path("invoice");
        assertThat(invoice.path("currency_code").asString()).isEqualTo("EUR");
        assertThat(invoice.path("currency_id").asString()).isEqualTo(SeedIds.CURRENCY_US_EUR);
        assertThat(invoice.path("exchange_rate").decimalValue()).isEqualByComparingTo("1.085");
        JsonNode customer = TestZoho.booksGet(SeedIds.US_ORG_ID, "/contacts/" + issued.getCustomerId()).path("contact");
        assertThat(customer.path("currency_code").asString()).isEqualTo("EUR");
        assertThat(customer.path("currency_id").asString()).isEqualTo(SeedIds.CURRENCY_US_EUR);
    }

    @Test
    void aDollarDealStaysInTheBaseCurrencyWithoutAskingBooksForItsCurrencies() {
        InvoiceRequested request = Requests.wholeDeal(tenOf("USD", CrmData.usAccount("NY")));

        send(request);
        InvoiceIssued issued = awaitIssued(request);

        JsonNode invoice = TestZoho.booksGet(SeedIds.US_ORG_ID, "/invoices/" + issued.getInvoiceId()).path("invoice");
        assertThat(invoice.path("currency_id").asString()).isEqualTo(SeedIds.CURRENCY_US_USD);
        assertThat(invoice.path("exchange_rate").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void aDealInACurrencyTheOrganizationHasNotEnabledIsRefusedNamingIt() {
        InvoiceRequested request = Requests.wholeDeal(tenOf("CHF", CrmData.usAccount("CA")));

        send(request);
        InvoiceRejected rejected = awaitRejected(request);

        assertThat(rejected.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("CURRENCY_NOT_ENABLED");
            assertThat(reason.getMessage()).contains("CHF").contains(SeedIds.US_ORG_ID).contains("Settings → Currencies");
        });
    }

    @Test
    void aEuroDealForAnAccountBilledInDollarsIsRefusedRatherThanBilledInDollars() {
        // Given an account whose Books customer was created in USD by an earlier deal
        String account = CrmData.usAccount("NY");
        InvoiceRequested dollars = Requests.wholeDeal(tenOf("USD", account));
        send(dollars);
        awaitIssued(dollars);

        // When a EUR deal of the same account is invoiced
        InvoiceRequested euros = Requests.wholeDeal(tenOf("EUR", account));
        send(euros);
        InvoiceRejected rejected = awaitRejected(euros);

        // Then it is refused: Books would bill it in the customer's USD
        assertThat(rejected.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("CUSTOMER_CURRENCY_MISMATCH");
            assertThat(reason.getMessage()).contains("EUR").contains("USD");
        });
    }

    /** A Closed Won deal of the account: one product at 10.00 in {@code currency}. */
    private static String tenOf(String currency, String account) {
        String product = CrmData.product("Part", CrmData.unique("PT"), "10.00");
        return CrmData.deal("Closed Won", "10.00", currency, account, product, 1, "10.00");
    }
}
