package io.dealledger.ledger.account;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An account's ledger: per currency, the sums over the deals whose latest known account it is (sorted by currency
 * code). Pure: {@link #with} moves one deal's totals in or out, exactly, so a deal that changes account or
 * currency, or an invoice re-linked to a deal of another account, moves the money with it.
 */
public record AccountView(String accountId, List<CurrencyTotals> currencies) {

    public AccountView {
        currencies = currencies == null ? List.of() : List.copyOf(currencies);
    }

    public static AccountView empty(String accountId) {
        return new AccountView(accountId, List.of());
    }

    /** This account with a deal's totals {@code before} taken out and {@code after} put in (either may be null). */
    public AccountView with(DealTotals before, DealTotals after) {
        Map<String, CurrencyTotals> byCurrency = new TreeMap<>();
        currencies.forEach(totals -> byCurrency.put(totals.currency(), totals));
        if (before != null) {
            byCurrency.compute(before.currency(), (code, totals) -> (totals == null ? CurrencyTotals.none(code)
                    : totals).minus(before));
        }
        if (after != null) {
            byCurrency.compute(after.currency(), (code, totals) -> (totals == null ? CurrencyTotals.none(code)
                    : totals).plus(after));
        }
        byCurrency.values().forEach(totals -> totals.check(accountId));
        byCurrency.values().removeIf(CurrencyTotals::empty);
        return new AccountView(accountId, List.copyOf(byCurrency.values()));
    }

    /**
     * The currency the account is shown in where one currency must be chosen (a CRM Account field holds one): the
     * one most of its deals are in; a tie goes to the larger invoiced total (compared as plain numbers, there being
     * no exchange rate), then to the first code alphabetically. Empty for an account without deals.
     */
    public Optional<CurrencyTotals> main() {
        return currencies.stream().max(Comparator.comparingInt(CurrencyTotals::deals)
                .thenComparing(totals -> totals.invoiced().amount())
                .thenComparing(CurrencyTotals::currency, Comparator.reverseOrder()));
    }
}
