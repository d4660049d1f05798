package io.dealledger.core.invoice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.dealledger.core.money.Money;

/**
 * The ledger of one invoice: the set of its distinct facts, and what follows from them. A pure, deterministic
 * state machine, the one fold of an invoice's facts in the project (payment-service decides with it what a fresh
 * reading of Books adds; ledger-projection-service derives the deal's figures from it). {@link #apply} with a fact
 * id seen before returns this ledger unchanged, and everything derived depends only on the set of facts, never on
 * the order they arrived in (the standing statements, the latest link, the newest revision are chosen by the facts'
 * own sequences, times and revisions).
 *
 * <p>One invariant is checked on every apply: the facts of one invoice never mix currencies. A fact that would break
 * it is refused with {@link IllegalStateException} and the ledger stays as it was. A negative balance is not refused:
 * it is an intermediate state (a payment seen before the invoice's raised total, say) that the rest of the history
 * corrects; Books is the reference.
 */
public final class InvoiceLedger {

    private final InvoiceRef invoice;
    private final List<LedgerFact> facts;
    /** The currency of the facts' money, null while none carries money. */
    private final Currency currency;
    /** Derived when first asked for: a ledger read back only to be applied to (payment-service's memory) never is. */
    private volatile InvoiceView view;

    private InvoiceLedger(InvoiceRef invoice, List<LedgerFact> facts, Currency currency) {
        this.invoice = invoice;
        this.facts = Collections.unmodifiableList(facts);
        this.currency = currency;
    }

    public static InvoiceLedger empty(InvoiceRef invoice) {
        return new InvoiceLedger(invoice, List.of(), null);
    }

    /** A ledger from facts it accepted before (e.g. read back from a state store); not re-checked one by one. */
    public static InvoiceLedger restore(InvoiceRef invoice, List<LedgerFact> facts) {
        Currency currency = facts.stream().map(InvoiceViews::amountOf).filter(m -> m != null)
                .map(Money::currency).findFirst().orElse(null);
        return new InvoiceLedger(invoice, new ArrayList<>(facts), currency);
    }

    /** This ledger with {@code fact} applied, or this ledger itself if the fact was applied before. */
    public InvoiceLedger apply(LedgerFact fact) {
        if (!fact.invoice().equals(invoice)) {
            throw new IllegalArgumentException("fact " + fact.id() + " is about invoice " + fact.invoice()
                    + ", not " + invoice);
        }
        if (applied(fact.id())) {
            return this;
        }
        Money amount = InvoiceViews.amountOf(fact);
        if (amount != null && currency != null && !amount.currency().equals(currency)) {
            throw new IllegalStateException("invoice " + invoice + ": " + fact.getClass().getSimpleName() + " "
                    + fact.id() + " mixes currencies: " + amount.currency() + " on an invoice in " + currency);
        }
        List<LedgerFact> next = new ArrayList<>(facts.size() + 1);
        next.addAll(facts);
        next.add(fact);
        return new InvoiceLedger(invoice, next, currency != null || amount == null ? currency : amount.currency());
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
        for (LedgerFact fact : facts) {
            if (fact.id().equals(factId)) {
                return true;
            }
        }
        return false;
    }

    /** The ledger as it stood at {@code instant}: only the facts that had happened by then. */
    public InvoiceLedger asOf(Instant instant) {
        return restore(invoice, facts.stream().filter(fact -> !fact.occurredAt().isAfter(instant)).toList());
    }

    /**
     * The ledger as it stood in Books at {@code instant}: only the facts that had taken effect by then
     * ({@link BooksTimes#effective}, Books' own dates and revisions where a fact has them), for an organization whose
     * calendar is {@code zone}.
     */
    public InvoiceLedger standingAt(Instant instant, ZoneId zone) {
        return restore(invoice, facts.stream().filter(fact -> !BooksTimes.effective(fact, zone).isAfter(instant))
                .toList());
    }

    /** What the ledger counts of a payment on this invoice: its amount if applied, empty if taken off or never seen. */
    public Optional<Money> payment(String paymentId) {
        LedgerFact.Stated standing = InvoiceViews.payments(facts).get(paymentId);
        return standing instanceof LedgerFact.PaymentApplied applied ? Optional.of(applied.amount()) : Optional.empty();
    }

    /** Every payment with a fact on this invoice, applied or taken off, with the amount it counts (0 if taken off). */
    public Map<String, Money> payments() {
        Map<String, Money> payments = new TreeMap<>();
        InvoiceViews.payments(facts).forEach((id, standing) -> payments.put(id,
                standing instanceof LedgerFact.PaymentApplied applied ? applied.amount()
                        : Money.zero(currency)));
        return payments;
    }

    /** Whether the payment's standing statement takes it off this invoice (deleted, unapplied or refunded). */
    public boolean paymentTakenOff(String paymentId) {
        return InvoiceViews.payments(facts).get(paymentId) instanceof LedgerFact.PaymentReversed;
    }

    /** The sequence the next statement about the payment on this invoice takes. */
    public long nextPaymentSequence(String paymentId) {
        LedgerFact.Stated standing = InvoiceViews.payments(facts).get(paymentId);
        return standing == null ? 1 : standing.sequence() + 1;
    }

    /** What the ledger counts of a credit application: its amount if applied, empty if taken off or never seen. */
    public Optional<Money> credit(String applicationId) {
        LedgerFact.Stated standing = InvoiceViews.credits(facts).get(applicationId);
        return standing instanceof LedgerFact.CreditApplied applied ? Optional.of(applied.amount()) : Optional.empty();
    }

    /** Every credit application with a fact on this invoice, with the amount it counts (0 if taken off). */
    public Map<String, Money> credits() {
        Map<String, Money> credits = new TreeMap<>();
        InvoiceViews.credits(facts).forEach((id, standing) -> credits.put(id,
                standing instanceof LedgerFact.CreditApplied applied ? applied.amount()
                        : Money.zero(currency)));
        return credits;
    }

    public long nextCreditSequence(String applicationId) {
        LedgerFact.Stated standing = InvoiceViews.credits(facts).get(applicationId);
        return standing == null ? 1 : standing.sequence() + 1;
    }

    public long nextWriteOffSequence() {
        return InvoiceViews.writeOff(facts).map(standing -> standing.sequence() + 1).orElse(1L);
    }

    /** The newest Books revision ({@code last_modified_time}) any fact states, or null. */
    public String revision() {
        return InvoiceViews.revision(facts);
    }

    /** When the latest link or unlink of this invoice happened, if one did. */
    public Optional<Instant> linkedAt() {
        return facts.stream().filter(f -> f instanceof LedgerFact.Linked || f instanceof LedgerFact.Unlinked)
                .map(LedgerFact::occurredAt).max(Instant::compareTo);
    }

    public InvoiceRef invoice() {
        return invoice;
    }

    /** The distinct facts, in the order they were applied. */
    public List<LedgerFact> facts() {
        return facts;
    }

    public InvoiceView view() {
        InvoiceView derived = view;
        if (derived == null) {
            derived = InvoiceViews.derive(invoice, facts);
            view = derived;
        }
        return derived;
    }
}
