package io.dealledger.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealledger.core.money.Money;

import org.junit.jupiter.api.Test;

class AccountViewTest {

    private static DealTotals deal(String id, String currency, String invoiced, String paid, String overdue) {
        Money total = Money.of(invoiced, currency);
        Money received = Money.of(paid, currency);
        return new DealTotals(id, currency, total, received, Money.of("0", currency), total.minus(received),
                Money.of(overdue, currency));
    }

    @Test
    void anAccountSumsItsDealsPerCurrencyAndNeverAcrossCurrencies() {
        // Given two USD deals, one paid in full, and a EUR deal
        AccountView account = AccountView.empty("acc").with(null, deal("d1", "USD", "1000", "400", "600"))
                .with(null, deal("d2", "USD", "500", "500", "0")).with(null, deal("d3", "EUR", "300", "0", "0"));
        // Then each currency has its own sums and counts
        assertThat(account.currencies()).extracting(CurrencyTotals::currency).containsExactly("EUR", "USD");
        CurrencyTotals usd = account.currencies().get(1);
        assertThat(usd.invoiced()).isEqualTo(Money.of("1500", "USD"));
        assertThat(usd.paid()).isEqualTo(Money.of("900", "USD"));
        assertThat(usd.outstanding()).isEqualTo(Money.of("600", "USD"));
        assertThat(usd.overdue()).isEqualTo(Money.of("600", "USD"));
        assertThat(usd.openDeals()).isEqualTo(1);
        assertThat(usd.deals()).isEqualTo(2);
    }

    @Test
    void aDealThatChangesOrLeavesTakesExactlyItsOldTotalsWithIt() {
        DealTotals before = deal("d1", "USD", "1000", "0", "0");
        DealTotals after = deal("d1", "USD", "1000", "250.5", "0");
        AccountView account = AccountView.empty("acc").with(null, before).with(null, deal("d2", "USD", "10", "0", "0"));
        assertThat(account.with(before, after).currencies().get(0).paid()).isEqualTo(Money.of("250.5", "USD"));
        // a deal that left: its currency goes with it once no deal is left in it
        assertThat(account.with(before, null).with(deal("d2", "USD", "10", "0", "0"), null).currencies()).isEmpty();
    }

    @Test
    void theMainCurrencyHasTheMostDealsThenTheLargerInvoicedThenTheFirstCode() {
        AccountView twoUsd = AccountView.empty("acc").with(null, deal("d1", "USD", "10", "0", "0"))
                .with(null, deal("d2", "USD", "10", "0", "0")).with(null, deal("d3", "EUR", "9000", "0", "0"));
        assertThat(twoUsd.main()).map(CurrencyTotals::currency).hasValue("USD");
        AccountView tie = AccountView.empty("acc").with(null, deal("d1", "USD", "10", "0", "0"))
                .with(null, deal("d3", "EUR", "9000", "0", "0"));
        assertThat(tie.main()).map(CurrencyTotals::currency).hasValue("EUR");
        AccountView evenTie = AccountView.empty("acc").with(null, deal("d1", "USD", "10", "0", "0"))
                .with(null, deal("d3", "GBP", "10", "0", "0"));
        assertThat(evenTie.main()).map(CurrencyTotals::currency).hasValue("GBP");
        assertThat(AccountView.empty("acc").main()).isEmpty();
    }

    @Test
    void takingOutWhatWasNeverPutInIsRefused() {
        AccountView account = AccountView.empty("acc").with(null, deal("d1", "USD", "10", "0", "0"));
        assertThatThrownBy(() -> account.with(deal("d9", "USD", "500", "0", "0"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be a sum of deals");
    }
}
