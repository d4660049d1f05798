package io.dealledger.ledger.candidates;

/** Where a deal's invoices are, or why that cannot be said. */
public sealed interface CustomerResolution {

    /**
     * The deal's CRM account, the Books organization of the account's legal entity, and the Books customer tied
     * to the account ({@code customerId} null when Books has none yet).
     */
    record Resolved(String dealId, String accountId, String organizationId, String customerId)
            implements CustomerResolution {
    }

    /** The CRM field at fault and a sentence for a person; {@code dealUnknown} when CRM has no such deal. */
    record Unresolved(boolean dealUnknown, String field, String reason) implements CustomerResolution {
    }
}
