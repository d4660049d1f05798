package io.dealledger.ledger.deal;

import java.util.Map;
import java.util.TreeMap;

import io.dealledger.ledger.deal.DealInput.Dated;
import io.dealledger.core.invoice.InvoiceView;

/**
 * Everything known about one deal: its CRM terms and account, its latest issued and rejected invoice requests, the
 * current view of every invoice linked to it and the standing refusals to link one (both by invoice key), and the
 * ledger last emitted with its version; {@code history} keeps what an as-of ledger needs ({@link DealHistory}).
 */
public record DealState(String dealId, DealInput.Terms terms, DealInput.Issued issued, DealInput.Rejected rejected,
                        DealInput.AccountSeen account, Map<String, InvoiceView> invoices,
                        Map<String, DealView.LinkRejection> linkRejections, DealView emitted, long version,
                        DealHistory history) {

    public DealState {
        history = history == null ? DealHistory.EMPTY : history;
        invoices = invoices == null ? new TreeMap<>() : new TreeMap<>(invoices);
        linkRejections = linkRejections == null ? new TreeMap<>() : new TreeMap<>(linkRejections);
    }

    public static DealState empty(String dealId) {
        return new DealState(dealId, null, null, null, null, Map.of(), Map.of(), null, 0, DealHistory.EMPTY);
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
            return new DealState(dealId, terms, issued, rejected, account, next, linkRejections, emitted, version,
                    next.containsKey(changed.invoice().key()) ? history.withInvoice(changed.invoice().key()) : history);
        } else if (input instanceof DealInput.LinkSeen seen) {
            return new DealState(dealId, terms, issued, rejected, account, invoices, linkRejections, emitted, version,
                    history.withInvoice(seen.invoice().key()));
        } else if (input instanceof DealInput.LinkRejectionChanged changed) {
            Map<String, DealView.LinkRejection> next = new TreeMap<>(linkRejections);
            if (changed.rejection() == null) {
                next.remove(changed.invoice().key());
            } else {
                next.put(changed.invoice().key(), changed.rejection());
            }
            return new DealState(dealId, terms, issued, rejected, account, invoices, next, emitted, version, history);
        } else if (input instanceof DealInput.Terms t) {
            // A DealChanged without an amount (a CRM notification names only the deal id) never blanks or replaces
            // the deal value: it keeps the last known amount and currency.
            DealInput.Terms given = t.amount() == null && terms != null && terms.amount() != null
                    ? new DealInput.Terms(t.eventId(), t.occurredAt(), t.organizationId(), terms.amount(),
                            t.currency() == null ? terms.currency() : t.currency())
                    : t;
            return new DealState(dealId, Dated.later(terms, given), issued, rejected, account, invoices,
                    linkRejections, emitted, version, history.withTerms(given));
        } else if (input instanceof DealInput.Issued i) {
            return new DealState(dealId, terms, Dated.later(issued, i), rejected, account, invoices, linkRejections,
                    emitted, version, history.withIssued(i));
        } else if (input instanceof DealInput.Rejected r) {
            return new DealState(dealId, terms, issued, Dated.later(rejected, r), account, invoices, linkRejections,
                    emitted, version, history);
        } else if (input instanceof DealInput.AccountSeen a) {
            return new DealState(dealId, terms, issued, rejected, Dated.later(account, a), invoices, linkRejections,
                    emitted, version, history.withAccount(a));
        }
        throw new IllegalArgumentException("unknown deal input " + input);
    }

    /** The state once {@code view} is emitted: the next version. */
    public DealState emitting(DealView view) {
        return new DealState(dealId, terms, issued, rejected, account, invoices, linkRejections, view, version + 1,
                history);
    }
}
