package io.dealledger.ledger.account;

/**
 * A deal's totals in the account it is keyed by changed; {@code totals} null means the deal left the account (it
 * moved to another account). Each change carries the deal's whole totals, not a delta, so a repeat is a no-op.
 *
 * @param seen a record named this account as the deal's (it may have been overridden since, or stand only for a past
 *             instant): the account keeps the deal for its as-of ledgers, its sums do not change
 */
public record AccountChange(String dealId, DealTotals totals, boolean seen) {

    public static AccountChange seen(String dealId) {
        return new AccountChange(dealId, null, true);
    }
}
