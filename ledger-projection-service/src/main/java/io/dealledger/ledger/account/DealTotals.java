package io.dealledger.ledger.account;

import io.dealledger.ledger.deal.DealView;
import io.dealledger.core.money.Money;

/**
 * What one deal adds to its account: its ledger's sums, all in the deal's currency. Only these numbers roll up; a
 * deal's invoices, statuses and errors stay on the deal.
 */
public record DealTotals(String dealId, String currency, Money invoiced, Money paid, Money credited, Money outstanding,
                         Money overdue) {

    public static DealTotals of(DealView view) {
        return new DealTotals(view.dealId(), view.currency(), view.totalInvoiced(), view.totalPaid(),
                view.totalCredited(), view.outstanding(), view.overdue());
    }

    /** The deal still has money to collect. */
    public boolean open() {
        return outstanding.isPositive();
    }
}
