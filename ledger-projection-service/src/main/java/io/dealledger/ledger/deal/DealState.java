package io.dealledger.ledger.deal;

import java.util.Map;
import java.util.TreeMap;

import io.dealledger.ledger.deal.DealInput.Dated;
import io.dealledger.ledger.invoice.InvoiceView;

/**
 * Everything known about one deal: its CRM terms, its latest issued and rejected invoice requests, the current
 * view of every invoice linked to it (by invoice key), and the ledger last emitted with its version.
 */
public record DealState(String dealId, DealInput.Terms terms, DealInput.Issued issued, DealInput.Rejected rejected,
                        Map<String, InvoiceView> invoices, DealView emitted, long version) {

    public DealState {
        invoices = invoices == null ? new TreeMap<>() : new TreeMap<>(invoices);
    }

    public static DealState empty(String dealId) {
        return new DealState(dealId, null, null, null, Map.of(), null, 0);
    }

    /** The state after {@code input}; an input older than what is known changes nothing. */
    public DealState with(DealInput input) {
        if (input instanceof DealInput.InvoiceChanged changed) {
            Map<String, InvoiceView> next = new TreeMap<>(invoices);
            if (changed.view() == null || !dealId.equals(changed.view().dealId())) {
                next.remove(changed.invoice().key());
            } else {
                next.put(changed.invoice().key(), changed.view());
            }
            return new DealState(dealId, terms, issued, rejected, next, emitted, version);
        } else if (input instanceof DealInput.Terms t) {
            return new DealState(dealId, Dated.later(terms, t), issued, rejected, invoices, emitted, version);
        } else if (input instanceof DealInput.Issued i) {
            return new DealState(dealId, terms, Dated.later(issued, i), rejected, invoices, emitted, version);
        } else if (input instanceof DealInput.Rejected r) {
            return new DealState(dealId, terms, issued, Dated.later(rejected, r), invoices, emitted, version);
        }
        throw new IllegalArgumentException("unknown deal input " + input);
    }

    /** The state once {@code view} is emitted: the next version. */
    public DealState emitting(DealView view) {
        return new DealState(dealId, terms, issued, rejected, invoices, view, version + 1);
    }
}
