package io.dealledger.ledger.account;

/** An account's current ledger and the version it was published with (store {@code account-ledgers}). */
public record AccountState(String accountId, AccountView view, long version) {

    public static AccountState empty(String accountId) {
        return new AccountState(accountId, AccountView.empty(accountId), 0);
    }

    /** The state once {@code next} is published: the next version. */
    public AccountState publishing(AccountView next) {
        return new AccountState(accountId, next, version + 1);
    }
}
