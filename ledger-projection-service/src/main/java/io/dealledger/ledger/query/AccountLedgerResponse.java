package io.dealledger.ledger.query;

import java.util.List;

import io.dealledger.ledger.account.AccountView;
import io.dealledger.ledger.account.CurrencyTotals;

/**
 * An account's ledger as the gateway serves it, shaped like the deal ledger: amounts as exact decimal strings, one
 * entry per currency its deals are in (never summed across currencies).
 *
 * @param mainCurrency the currency the CRM Account's fields are written in (most deals, then larger invoiced), null
 *                     for an account whose deals all moved away
 * @param version      increases with every change of the account's sums
 */
public record AccountLedgerResponse(String accountId, String mainCurrency, List<Totals> currencies, long version) {

    /** The account's sums over its deals in one currency. */
    public record Totals(String currency, String totalInvoiced, String totalPaid, String totalCredited,
                           String outstanding, String overdue, int openDeals, int deals) {

        static Totals of(CurrencyTotals totals) {
            return new Totals(totals.currency(), DealLedgerResponse.text(totals.invoiced()),
                    DealLedgerResponse.text(totals.paid()), DealLedgerResponse.text(totals.credited()),
                    DealLedgerResponse.text(totals.outstanding()), DealLedgerResponse.text(totals.overdue()),
                    totals.openDeals(), totals.deals());
        }
    }

    static AccountLedgerResponse of(AccountView view, long version) {
        return new AccountLedgerResponse(view.accountId(), view.main().map(CurrencyTotals::currency).orElse(null),
                view.currencies().stream().map(Totals::of).toList(), version);
    }
}
