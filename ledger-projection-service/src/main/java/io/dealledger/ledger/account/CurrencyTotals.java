package io.dealledger.ledger.account;

import java.util.Currency;

import io.dealledger.core.money.Money;

/**
 * An account's sums over its deals in one currency: amounts in different currencies are never added together.
 *
 * @param openDeals deals with an outstanding balance
 * @param deals     deals in this currency
 */
public record CurrencyTotals(String currency, Money invoiced, Money paid, Money credited, Money outstanding,
                             Money overdue, int openDeals, int deals) {

    static CurrencyTotals none(String currency) {
        Money zero = Money.zero(Currency.getInstance(currency));
        return new CurrencyTotals(currency, zero, zero, zero, zero, zero, 0, 0);
    }

    CurrencyTotals plus(DealTotals deal) {
        return new CurrencyTotals(currency, invoiced.plus(deal.invoiced()), paid.plus(deal.paid()),
                credited.plus(deal.credited()), outstanding.plus(deal.outstanding()), overdue.plus(deal.overdue()),
                openDeals + (deal.open() ? 1 : 0), deals + 1);
    }

    CurrencyTotals minus(DealTotals deal) {
        return new CurrencyTotals(currency, invoiced.minus(deal.invoiced()), paid.minus(deal.paid()),
                credited.minus(deal.credited()), outstanding.minus(deal.outstanding()), overdue.minus(deal.overdue()),
                openDeals - (deal.open() ? 1 : 0), deals - 1);
    }

    /** Nothing left: no deal, and (as a consequence) no money. */
    boolean empty() {
        return deals == 0;
    }

    /** The sums can only be what deals put in: no negative amount or count, and no money without a deal. */
    void check(String accountId) {
        boolean negative = invoiced.isNegative() || paid.isNegative() || credited.isNegative()
                || outstanding.isNegative() || overdue.isNegative() || openDeals < 0 || deals < 0;
        boolean moneyWithoutDeals = deals == 0 && !(invoiced.isZero() && paid.isZero() && credited.isZero()
                && outstanding.isZero() && overdue.isZero());
        if (negative || moneyWithoutDeals || openDeals > deals) {
            throw new IllegalStateException("account " + accountId + ": " + this + " cannot be a sum of deals");
        }
    }
}
