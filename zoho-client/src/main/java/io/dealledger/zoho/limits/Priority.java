package io.dealledger.zoho.limits;

/**
 * Which calls go first when an organization's Books budget is short (docs/architecture.md §6). Invoice pushes and the
 * verification of webhooks are what users wait for; the poller, invoice candidates, previews, reconciliation
 * and backfills can wait, and they never spend the part of the day's budget kept for the others.
 */
public enum Priority {
    /** Invoice pushes, webhook and link verification: served first, may use the whole deployment's allowance. */
    HIGH,
    /**
     * Safety-net polls, candidates, previews, reconciliation, audits, backfills: wait behind HIGH (one call after at
     * most {@code CallBudget.HIGH_PER_LOW} HIGH ones while both wait), own share of the day only.
     */
    LOW
}
