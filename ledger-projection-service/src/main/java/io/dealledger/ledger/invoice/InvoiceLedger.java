package io.dealledger.ledger.invoice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ledger of one invoice: the set of its distinct facts, and what follows from them. A pure, deterministic
 * state machine: {@link #apply} with a fact id seen before returns this ledger unchanged, and the derived
 * {@link #view()} depends only on the set of facts, never on the order they arrived in (the latest link, the
 * newest revision and so on are chosen by the facts' own times and revisions).
 *
 * <p>Invariants, checked on every apply: the facts of one invoice never mix currencies, and an imported,
 * not voided invoice never has a negative balance (Books refuses over-payment, over-crediting and
 * over-writing-off, so a negative balance means a fact is wrong or one is missing). A fact that would break
 * one is refused with {@link IllegalStateException} and the ledger stays as it was.
 */
public final class InvoiceLedger {

    private final InvoiceRef invoice;
    private final List<LedgerFact> facts;
    private final Set<String> factIds;
    private final InvoiceView view;

    private InvoiceLedger(InvoiceRef invoice, List<LedgerFact> facts) {
        this.invoice = invoice;
        this.facts = Collections.unmodifiableList(facts);
        this.factIds = new HashSet<>();
        facts.forEach(fact -> factIds.add(fact.id()));
        this.view = InvoiceViews.derive(invoice, facts);
    }

    public static InvoiceLedger empty(InvoiceRef invoice) {
        return new InvoiceLedger(invoice, List.of());
    }

    /** A ledger from facts it accepted before (e.g. read back from a state store); not re-checked one by one. */
    public static InvoiceLedger restore(InvoiceRef invoice, List<LedgerFact> facts) {
        return new InvoiceLedger(invoice, new ArrayList<>(facts));
    }

    /** This ledger with {@code fact} applied, or this ledger itself if the fact was applied before. */
    public InvoiceLedger apply(LedgerFact fact) {
        if (!fact.invoice().equals(invoice)) {
            throw new IllegalArgumentException("fact " + fact.id() + " is about invoice " + fact.invoice()
                    + ", not " + invoice);
        }
        if (factIds.contains(fact.id())) {
            return this;
        }
        List<LedgerFact> next = new ArrayList<>(facts);
        next.add(fact);
        InvoiceLedger applied;
        try {
            applied = new InvoiceLedger(invoice, next);
        } catch (IllegalArgumentException mixedCurrencies) {
            throw new IllegalStateException("invoice " + invoice + ": " + fact.getClass().getSimpleName() + " "
                    + fact.id() + " mixes currencies: " + mixedCurrencies.getMessage(), mixedCurrencies);
        }
        applied.checkBalance(fact);
        return applied;
    }

    /**
     * The refused link requests still standing, by the deal they asked for: per deal the latest refusal, unless this
     * invoice was linked to that deal after it. Like the view, a function of the set of facts.
     */
    public Map<String, LedgerFact.LinkRejected> linkRejections() {
        Map<String, LedgerFact.LinkRejected> latest = new TreeMap<>();
        facts.stream().filter(LedgerFact.LinkRejected.class::isInstance).map(LedgerFact.LinkRejected.class::cast)
                .forEach(refusal -> latest.merge(refusal.dealId(), refusal,
                        (a, b) -> LedgerFact.CHRONOLOGICAL.compare(a, b) >= 0 ? a : b));
        latest.values().removeIf(refusal -> facts.stream().anyMatch(fact -> fact instanceof LedgerFact.Linked link
                && link.dealId().equals(refusal.dealId()) && LedgerFact.CHRONOLOGICAL.compare(link, refusal) > 0));
        return latest;
    }

    public boolean applied(String factId) {
        return factIds.contains(factId);
    }

    private void checkBalance(LedgerFact cause) {
        if (view.counted() && view.balance().isNegative()) {
            throw new IllegalStateException("invoice " + invoice + ": " + cause.getClass().getSimpleName() + " "
                    + cause.id() + " would make the balance " + view.balance() + " (total " + view.total()
                    + ", paid " + view.paid() + ", credited " + view.credited() + ", written off "
                    + view.writtenOff() + ")");
        }
    }

    /** The ledger as it stood at {@code instant}: only the facts that had happened by then. */
    public InvoiceLedger asOf(Instant instant) {
        return new InvoiceLedger(invoice, new ArrayList<>(facts.stream()
                .filter(fact -> !fact.occurredAt().isAfter(instant)).toList()));
    }

    public InvoiceRef invoice() {
        return invoice;
    }

    /** The distinct facts, in the order they were applied. */
    public List<LedgerFact> facts() {
        return facts;
    }

    public InvoiceView view() {
        return view;
    }
}
