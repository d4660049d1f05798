package io.dealledger.invoice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.dealledger.core.money.Money;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.DealLine;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.stage.StageAmount;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import org.junit.jupiter.api.Test;

class BillingTest {

    static final List<String> CLOSED_WON = List.of("Closed Won");
    static final Currency USD = Currency.getInstance("USD");
    static final Money NOTHING = Money.zero(USD);
    final Product arm = new Product("p1", "Robot Arm", "RA-100", new BigDecimal("12000"), true, null, null);
    final Product gripper = new Product("p2", "Gripper", "GR-200", new BigDecimal("1500"), true, null, null);

    @Test
    void theWholeDealBillsItsLinesBeforeTax() {
        Deal deal = deal("Closed Won", "15000", line(arm, "1", "12000"), line(gripper, "2", "1500"));

        Billing billing = Billing.plan(deal, new StageAmount.WholeDeal(), null, CLOSED_WON, NOTHING);

        assertThat(billing.rejections()).isEmpty();
        assertThat(billing.amount().atCurrencyDigits()).hasToString("15000.00");
        assertThat(billing.lines()).extracting(BillingLine::name).containsExactly("Robot Arm", "Gripper");
    }

    @Test
    void aDealWithoutLinesBecomesOneServiceLineNamedAfterIt() {
        Billing billing = Billing.plan(deal("Closed Won", "999.99"), new StageAmount.WholeDeal(), null, CLOSED_WON,
                NOTHING);

        assertThat(billing.lines()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("Robot cell");
            assertThat(line.product()).isNull();
            assertThat(line.rate()).isEqualByComparingTo("999.99");
        });
    }

    @Test
    void aStageIsOneLabelledLineAndMayNotExceedWhatIsLeftToInvoice() {
        Deal deal = deal("Closed Won", "10000", line(arm, "1", "10000"));

        Billing deposit = Billing.plan(deal, new StageAmount.Percentage("Deposit 30%", new BigDecimal("30")), null,
                CLOSED_WON, NOTHING);
        Billing tooMuch = Billing.plan(deal, new StageAmount.Fixed("Milestone", new BigDecimal("8000")), "USD",
                CLOSED_WON, Money.of("3000", "USD"));

        assertThat(deposit.lines()).singleElement().extracting(BillingLine::name).isEqualTo("Deposit 30% of Robot cell");
        assertThat(deposit.amount()).isEqualTo(Money.of("3000", "USD"));
        assertThat(tooMuch.rejections()).extracting(Rejection::code).containsExactly(Rejection.Code.STAGE_EXCEEDS_UNINVOICED);
        assertThat(tooMuch.rejections().get(0).message()).contains("would bill 8000.00 USD but only 7000.00 of deal",
                "(10000.00)", "3000.00 already invoiced");
    }

    @Test
    void everyReasonIsCollectedNotJustTheFirst() {
        Product noSku = new Product("p3", "Mystery", "  - ", BigDecimal.TEN, true, null, null);
        Deal deal = deal("Negotiation/Review", "0", line(noSku, "1", "10"));

        Billing billing = Billing.plan(deal, new StageAmount.WholeDeal(), null, CLOSED_WON, NOTHING);

        assertThat(billing.rejections()).extracting(Rejection::code).containsExactly(Rejection.Code.STAGE_NOT_ALLOWED,
                Rejection.Code.AMOUNT_NOT_POSITIVE, Rejection.Code.PRODUCT_WITHOUT_SKU);
    }

    @Test
    void aFixedStageInAnotherCurrencyIsRejected() {
        Billing billing = Billing.plan(deal("Closed Won", "1000"), new StageAmount.Fixed("Part", new BigDecimal("100")),
                "EUR", CLOSED_WON, NOTHING);

        assertThat(billing.rejections()).extracting(Rejection::code).containsExactly(Rejection.Code.STAGE_CURRENCY_MISMATCH);
    }

    @Test
    void alreadyInvoicedCountsPreTaxAmountsOfLiveInvoicesInTheDealsCurrencyButNotThisRequest() {
        List<Invoice> invoices = List.of(
                invoice("sent", "USD", "3210.00", Map.of("cf_req", "r1", "cf_billed", "3000.00")),
                invoice("void", "USD", "500.00", Map.of("cf_req", "r2")),
                invoice("draft", "EUR", "700.00", Map.of("cf_req", "r3")),
                invoice("draft", "USD", "99.00", Map.of("cf_req", "this")),
                invoice("paid", "USD", "250.00", Map.of()));

        assertThat(Billing.alreadyInvoiced(invoices, USD, "cf_req", "this", "cf_billed")).isEqualTo(Money.of("3250", "USD"));
    }

    @Test
    void amountsAreRoundedToTheCurrencysMinorUnit() {
        Deal yen = new Deal("d", "Yen deal", "Closed Won", new BigDecimal("1000"), "JPY", "a",
                List.of(line(arm, "3", "333.5")), null);

        assertThat(Billing.plan(yen, new StageAmount.WholeDeal(), null, CLOSED_WON, Money.zero(Currency.getInstance("JPY")))
                .amount().atCurrencyDigits()).hasToString("1001");
    }

    @Test
    void theAmountIsTheSumOfItsLinesEachRoundedAsBooksRoundsALinesItemTotal() {
        // Given three lines of 0.005 USD each (a rate finer than a cent, as CRM allows) and one of 3 × 10.125
        Product washer = new Product("p4", "Washer", "WS-1", new BigDecimal("0.005"), true, null, null);
        Deal deal = deal("Closed Won", "30.41", line(washer, "1", "0.005"), line(washer, "1", "0.005"),
                line(washer, "1", "0.005"), line(gripper, "3", "10.125"));

        // When billed
        Billing billing = Billing.plan(deal, new StageAmount.WholeDeal(), null, CLOSED_WON, NOTHING);

        // Then each line counts at the cent Books shows for it (0.01 three times, 30.38), not their exact sum
        // rounded once (30.39): the billed amount is the invoice's sub_total
        assertThat(billing.amount().atCurrencyDigits()).hasToString("30.41");
        assertThat(billing.rejections()).isEmpty();
    }

    @Test
    void aDealWithoutACurrencyOrWithOneJavaDoesNotKnowIsSummedInNoCurrencyAtTwoDecimals() {
        Deal noCurrency = new Deal("d", "Plain deal", "Closed Won", new BigDecimal("100.005"), null, "a", List.of(), null);
        Deal oddCode = new Deal("d", "Odd deal", "Closed Won", new BigDecimal("100.005"), "ZZQ", "a", List.of(), null);

        for (Deal deal : List.of(noCurrency, oddCode)) {
            Billing billing = Billing.plan(deal, new StageAmount.WholeDeal(), null, CLOSED_WON,
                    Money.zero(Billing.currencyOf(deal.currency())));
            assertThat(billing.amount().code()).isEqualTo("XXX");
            assertThat(billing.amount().atCurrencyDigits()).hasToString("100.01");
        }
        // and every invoice of such a deal counts as already invoiced, whatever its currency
        List<Invoice> invoices = List.of(invoice("sent", "USD", "10.00", Map.of()), invoice("sent", "EUR", "5.00", Map.of()));
        assertThat(Billing.alreadyInvoiced(invoices, Billing.currencyOf(null), "cf_req", "this", "cf_billed").atCurrencyDigits())
                .hasToString("15.00");
    }

    private static Deal deal(String stage, String amount, DealLine... lines) {
        return new Deal("d1", "Robot cell", stage, new BigDecimal(amount), "USD", "a1", List.of(lines), null);
    }

    private static DealLine line(Product product, String quantity, String rate) {
        return new DealLine(product, new BigDecimal(quantity), new BigDecimal(rate), null);
    }

    private static Invoice invoice(String status, String currency, String total, Map<String, String> fields) {
        return new Invoice("i", "INV", null, "c", null, status, null, null, currency, new BigDecimal(total),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, "d1", null, fields, null);
    }
}
