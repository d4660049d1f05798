package io.dealledger.ledger.account;

import java.util.Set;
import java.util.TreeSet;

/**
 * An account's current ledger and the version it was published with (store {@code account-ledgers}), and the id of
 * every deal a record ever gave the account ({@code dealsEver}), which its as-of ledgers read: one entry per deal,
 * never per change.
 */
public record AccountState(String accountId, AccountView view, long version, Set<String> dealsEver) {

    public AccountState {
        dealsEver = dealsEver == null ? Set.of() : Set.copyOf(dealsEver);
    }

    public static AccountState empty(String accountId) {
        return new AccountState(accountId, AccountView.empty(accountId), 0, Set.of());
    }

    /** The state once {@code next} is published: the next version. */
    public AccountState publishing(AccountView next) {
        return new AccountState(accountId, next, version + 1, dealsEver);
    }

    /** The state once {@code dealId} is known to have been the account's at some time. */
    public AccountState seeing(String dealId) {
        if (dealsEver.contains(dealId)) {
            return this;
        }
        Set<String> next = new TreeSet<>(dealsEver);
        next.add(dealId);
        return new AccountState(accountId, view, version, next);
    }

    /** Whether a deal has ever been counted in it (an account only named by overridden records has not). */
    public boolean published() {
        return version > 0;
    }
}
