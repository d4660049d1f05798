package io.dealledger.ledger.account;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import io.dealledger.ledger.deal.DealView;

/**
 * An account's ledger as it stood at an instant: the sums of the as-of ledgers of the deals that were the account's
 * then. Every deal a record ever gave the account is asked ({@link AccountState#dealsEver}); each deal's own as-of
 * ledger says which account it had then, so a deal moved away since counts here before the move and not after. Pure.
 */
public final class AccountAsOf {

    /** A deal at an instant as an account counts it: the account it belonged to then, and its totals then. */
    public record DealThen(String accountId, DealTotals totals) {

        public static DealThen of(DealView view) {
            return new DealThen(view.accountId(), DealTotals.of(view));
        }
    }

    private AccountAsOf() {
    }

    /** The deals whose as-of ledgers are needed, in order. */
    public static List<String> dealIds(AccountState state) {
        return List.copyOf(new TreeSet<>(state.dealsEver()));
    }

    /** The account's sums over those of {@code deals} that belonged to it then. */
    public static AccountView view(String accountId, Collection<DealThen> deals) {
        AccountView view = AccountView.empty(accountId);
        for (DealThen deal : deals) {
            if (accountId.equals(deal.accountId())) {
                view = view.with(null, deal.totals());
            }
        }
        return view;
    }
}
