package io.dealledger.payment.link;

import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.payment.ledger.LedgerMemory;

/**
 * Unlink means unlink: once a person unlinked an invoice from a deal, nothing but a person links it again.
 * Books still names the deal on the invoice (dealledger does not rewrite {@code zcrm_potential_id} or
 * {@code cf_crm_deal_id}: Books may refuse edits to a sent or paid invoice, and the field belongs to the user), so
 * whatever links invoices by itself — an {@code InvoiceIssued} delivered again, a poller or backfill that ties
 * invoices to the deal Books names — asks here first. The record is durable: the {@code InvoiceUnlinked} fact on
 * ledger.facts.v1 (kept forever), folded in {@link LedgerMemory}, which every instance rebuilds from the topic at
 * start. An {@code InvoiceLinkRequested} (a person's link) is not asked: it overrides the unlink.
 */
public class Unlinks {

    private final LedgerMemory memory;

    public Unlinks(LedgerMemory memory) {
        this.memory = memory;
    }

    /** Whether a person unlinked the invoice after its last link (and has not linked it again since). */
    public boolean unlinkedByAPerson(String organizationId, String invoiceId) {
        InvoiceState state = memory.invoice(organizationId, invoiceId);
        // an unlink leaves no deal but keeps the time of the unlink; an invoice never linked has neither
        return state.dealId() == null && state.linkedAt() != null;
    }

    /**
     * Whether dealledger may tie the invoice to {@code dealId} without a person asking: not after a person unlinked
     * it, and not away from another deal it is linked to.
     */
    public boolean mayLinkAutomatically(String organizationId, String invoiceId, String dealId) {
        InvoiceState state = memory.invoice(organizationId, invoiceId);
        if (unlinkedByAPerson(organizationId, invoiceId)) {
            return false;
        }
        return state.dealId() == null || state.dealId().equals(dealId);
    }
}
