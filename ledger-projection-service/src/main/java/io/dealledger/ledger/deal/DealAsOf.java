package io.dealledger.ledger.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.dealledger.core.invoice.InvoiceView;

/**
 * A deal's ledger as it stood at an instant: the deal's state rebuilt from
 * its {@link DealHistory} and the views its invoices had then, then computed by {@link DealCalculator} with that
 * instant's day as "today". Pure, like the calculator. An as-of ledger is about money: it carries no invoice error and
 * no link refusals (they describe requests, not the ledger).
 */
public final class DealAsOf {

    private DealAsOf() {
    }

    /**
     * Every invoice key whose ledger at the instant is needed: each invoice a link ever tied to the deal (and, for a
     * deal stored before its history was kept, the invoices it holds now).
     */
    public static List<String> invoiceKeys(DealState state) {
        TreeSet<String> keys = new TreeSet<>(state.history().invoices());
        keys.addAll(state.invoices().keySet());
        return List.copyOf(keys);
    }

    /**
     * @param invoicesThen the views at {@code at} of (some of) {@link #invoiceKeys}; those linked elsewhere then, or to
     *                     nothing, are left out here
     * @param day          "today" for overdue: the day {@code at} falls on in the deal's organization's calendar
     */
    public static DealView view(DealState state, Collection<InvoiceView> invoicesThen, Instant at, LocalDate day,
                                Currency defaultCurrency) {
        Map<String, InvoiceView> linked = new TreeMap<>();
        invoicesThen.stream().filter(view -> state.dealId().equals(view.dealId()))
                .forEach(view -> linked.put(view.invoice().key(), view));
        DealHistory history = state.history();
        DealState then = new DealState(state.dealId(), DealHistory.standingAt(withCurrent(history.terms(), state.terms()), at),
                DealHistory.standingAt(withCurrent(history.issued(), state.issued()), at), null,
                DealHistory.standingAt(withCurrent(history.accounts(), state.account()), at), linked, Map.of(), null, 0,
                history);
        return DealCalculator.view(then, day, defaultCurrency);
    }

    /** A state stored before its history was kept still has its latest input. */
    private static <T extends DealInput.Dated> List<T> withCurrent(List<T> history, T current) {
        if (current == null || history.contains(current)) {
            return history;
        }
        List<T> all = new ArrayList<>(history);
        all.add(current);
        return all;
    }
}
