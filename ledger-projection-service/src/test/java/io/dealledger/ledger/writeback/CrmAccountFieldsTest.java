package io.dealledger.ledger.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dealledger.events.AccountCurrencyTotals;
import io.dealledger.events.AccountLedger;

import org.junit.jupiter.api.Test;

class CrmAccountFieldsTest {

    private final CrmAccountFields fields = CrmAccountFields.defaults();

    @Test
    void anAccountInSeveralCurrenciesIsWrittenInItsMainOneWithTheOthersSummedUpAsText() {
        // Given an account with two USD deals and one JPY deal
        AccountLedger ledger = ledger(totals("JPY", "90000", "0", "90000", 1, 1),
                totals("USD", "1500.5", "400", "1100.5", 1, 2));
        // When it is mapped to CRM Account fields
        Map<String, Object> values = fields.valuesOf(ledger);
        // Then the amounts are USD's (most deals) at two decimals, the currency is named, JPY is summed up as text
        assertThat(values.get("Total_Invoiced")).isEqualTo(new BigDecimal("1500.50"));
        assertThat(values.get("Total_Paid")).isEqualTo(new BigDecimal("400.00"));
        assertThat(values.get("Outstanding_Balance")).isEqualTo(new BigDecimal("1100.50"));
        assertThat(values).containsEntry("Ledger_Currency", "USD").containsEntry("Open_Deals_With_Balance", 2)
                .containsEntry("Other_Currency_Balances", "JPY: outstanding 90000 of 90000 invoiced, paid 0, credited 0,"
                        + " overdue 0, 1 of 1 deal open");
        assertThat(values).hasSize(8);
    }

    @Test
    void anAccountInOneCurrencyHasNoOtherCurrenciesAndOneWithoutDealsShowsZeros() {
        assertThat(fields.valuesOf(ledger(totals("EUR", "10", "10", "0", 0, 3))))
                .containsEntry("Ledger_Currency", "EUR").containsEntry("Other_Currency_Balances", null)
                .containsEntry("Open_Deals_With_Balance", 0);
        Map<String, Object> empty = fields.valuesOf(ledger());
        assertThat((BigDecimal) empty.get("Outstanding_Balance")).isEqualByComparingTo("0");
        assertThat(empty).containsEntry("Ledger_Currency", null).containsEntry("Other_Currency_Balances", null);
    }

    @Test
    void fieldNamesMustBeSetAndDistinct() {
        assertThatThrownBy(() -> new CrmAccountFields("A", "A", "C", "D", "E", "F", "G", "H"))
                .hasMessageContaining("8 different");
        assertThatThrownBy(() -> new CrmAccountFields("A", "B", "C", "D", "E", "F", "", "H"))
                .hasMessageContaining("accounts.fields.currency");
    }

    private static AccountLedger ledger(AccountCurrencyTotals... currencies) {
        return AccountLedger.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH).setSource("test")
                .setAccountId("acc-1").setCurrencies(List.of(currencies)).setVersion(1).build();
    }

    private static AccountCurrencyTotals totals(String currency, String invoiced, String paid, String outstanding,
                                                int open, int deals) {
        return AccountCurrencyTotals.newBuilder().setCurrency(currency).setTotalInvoiced(amount(invoiced))
                .setTotalPaid(amount(paid)).setTotalCredited(amount("0")).setOutstanding(amount(outstanding))
                .setOverdue(amount("0")).setOpenDeals(open).setDeals(deals).build();
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value).setScale(3);
    }
}
