package io.dealledger.ledger.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.dealledger.ledger.account.AccountView;
import io.dealledger.ledger.account.CurrencyTotals;

/**
 * An account's ledger as it stood at the end of {@code asOf}: the sums per currency by the same names as the current
 * account ledger's ({@link AccountLedgerResponse}), over the deals that were the account's then, without a version.
 *
 * @param deals the deals counted, each with the calendar of its organization and the end of {@code asOf} in it
 *              ({@code through}): each deal is read as of the end of that day in its own organization's calendar
 */
public record AsOfAccountLedgerResponse(String accountId, LocalDate asOf, String mainCurrency,
                                        List<AccountLedgerResponse.Totals> currencies, List<Deal> deals) {

    /** A deal counted in the account as of the date. */
    public record Deal(String dealId, String organizationId, String currency, String zone, Instant through) {
    }

    static AsOfAccountLedgerResponse of(AccountView view, LocalDate asOf, List<AsOfDealLedgerResponse> deals) {
        return new AsOfAccountLedgerResponse(view.accountId(), asOf,
                view.main().map(CurrencyTotals::currency).orElse(null),
                view.currencies().stream().map(AccountLedgerResponse.Totals::of).toList(),
                deals.stream().map(deal -> new Deal(deal.dealId(), deal.organizationId(), deal.currency(), deal.zone(),
                        deal.through())).toList());
    }
}
