package io.dealledger.ledger.account;

/**
 * A deal's totals in the account it is keyed by changed; {@code totals} null means the deal left the account (it
 * moved to another account). Each change carries the deal's whole totals, not a delta, so a repeat is a no-op.
 */
public record AccountChange(String dealId, DealTotals totals) {
}
