package io.dealledger.ledger.deal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;

/**
 * What a deal's as-of ledger needs beyond its current state: every invoice a
 * link ever tied to the deal (by invoice key; the invoice's own facts, in the invoice store, say when it was linked
 * and what it held), and every distinct CRM terms, issued invoice and account naming it, so the values that stood at
 * any instant can be chosen again. Grows by one entry per link to a new invoice and per deal-level event, never per
 * payment: the money stays in the invoices' fact lists.
 */
public record DealHistory(Set<String> invoices, List<DealInput.Terms> terms, List<DealInput.Issued> issued,
                          List<DealInput.AccountSeen> accounts) {

    public static final DealHistory EMPTY = new DealHistory(Set.of(), List.of(), List.of(), List.of());

    public DealHistory {
        invoices = invoices == null ? Set.of() : Set.copyOf(new TreeSet<>(invoices));
        terms = terms == null ? List.of() : List.copyOf(terms);
        issued = issued == null ? List.of() : List.copyOf(issued);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** The invoice keys in order, for a deterministic read of their ledgers. */
    public List<String> invoiceKeys() {
        return List.copyOf(new TreeSet<>(invoices));
    }

    /** Whether a record has given the deal this account before. */
    public boolean named(String accountId) {
        return accounts.stream().anyMatch(seen -> seen.accountId().equals(accountId));
    }

    DealHistory withInvoice(String invoiceKey) {
        if (invoices.contains(invoiceKey)) {
            return this;
        }
        Set<String> next = new TreeSet<>(invoices);
        next.add(invoiceKey);
        return new DealHistory(next, terms, issued, accounts);
    }

    DealHistory withTerms(DealInput.Terms given) {
        return new DealHistory(invoices, adding(terms, given), issued, accounts);
    }

    DealHistory withIssued(DealInput.Issued given) {
        return new DealHistory(invoices, terms, adding(issued, given), accounts);
    }

    DealHistory withAccount(DealInput.AccountSeen given) {
        return new DealHistory(invoices, terms, issued, adding(accounts, given));
    }

    /** The latest of {@code inputs} that had happened by {@code at}, as {@link DealInput.Dated#later} chooses. */
    static <T extends DealInput.Dated> T standingAt(List<T> inputs, Instant at) {
        return inputs.stream().filter(input -> !input.occurredAt().isAfter(at))
                .max(DealInput.Dated.CHRONOLOGICAL).orElse(null);
    }

    private static <T extends DealInput.Dated> List<T> adding(List<T> inputs, T input) {
        Optional<T> seen = inputs.stream().filter(known -> known.eventId().equals(input.eventId())).findFirst();
        if (seen.isPresent()) {
            return inputs;
        }
        List<T> next = new ArrayList<>(inputs);
        next.add(input);
        next.sort(Comparator.comparing(DealInput.Dated::occurredAt).thenComparing(DealInput.Dated::eventId));
        return next;
    }
}
