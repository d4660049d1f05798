package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.dealledger.core.invoice.InvoiceLedger;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.core.invoice.LedgerFact;
import io.dealledger.core.money.Money;
import io.dealledger.events.CreditApplied;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * What payment-service has already said about one invoice: ledger-core's {@link InvoiceLedger} of its own facts on
 * ledger.facts.v1, the same fold ledger-projection-service derives the deal's figures from, so what payment-service
 * believes the ledger holds is what the ledger holds. It decides which facts a fresh Books reading adds (an
 * amendment, a reversal of money that disappeared, the next statement of an amount). Immutable: {@link #apply}
 * returns the next state.
 */
public final class InvoiceState {

    /** A live application of credit: which credit note, how much. */
    public record Credit(String creditNoteId, BigDecimal amount) {
    }

    /** An invoice payment-service has said nothing about. */
    public static final InvoiceState UNKNOWN = new InvoiceState(null, Map.of(), Set.of());

    private final InvoiceLedger ledger;
    /** Which credit note each application came from (the ledger's facts name the application only). */
    private final Map<String, String> creditNotes;
    /** Facts on the topic that the ledger cannot hold (parked by the projection): known, so never sent again. */
    private final Set<String> refused;

    private InvoiceState(InvoiceLedger ledger, Map<String, String> creditNotes, Set<String> refused) {
        this.ledger = ledger;
        this.creditNotes = creditNotes;
        this.refused = refused;
    }

    /**
     * This state with a fact of ledger.facts.v1 applied: unchanged for a fact seen before, for an event that is not
     * an invoice's fact, and for one the ledger refuses too (a currency ISO 4217 does not know, or one mixing
     * currencies), which ledger-projection-service parks on its dead-letter topic.
     */
    public InvoiceState apply(Object event) {
        if (!(event instanceof SpecificRecord record)) {
            return this;
        }
        LedgerFact fact;
        try {
            fact = io.dealledger.core.invoice.LedgerFacts.of(record, ledger == null ? null : ledger.invoice())
                    .orElse(null);
        } catch (IllegalArgumentException notAFact) {
            return refusing(record);
        }
        if (fact == null) {
            return this;
        }
        InvoiceLedger next;
        try {
            next = (ledger == null ? InvoiceLedger.empty(fact.invoice()) : ledger).apply(fact);
        } catch (IllegalStateException mixesCurrencies) {
            return refusing(record);
        }
        if (next == ledger) {
            return this;
        }
        Map<String, String> notes = creditNotes;
        if (event instanceof CreditApplied applied && !creditNotes.containsKey(applied.getApplicationId())) {
            notes = new HashMap<>(creditNotes);
            notes.put(applied.getApplicationId(), applied.getCreditNoteId());
            notes = Map.copyOf(notes);
        }
        return new InvoiceState(next, notes, refused);
    }

    private InvoiceState refusing(SpecificRecord record) {
        Object id = record instanceof GenericRecord generic && generic.getSchema().getField("eventId") != null
                ? generic.get("eventId") : null;
        if (id == null || refused.contains(id.toString())) {
            return this;
        }
        Set<String> more = new HashSet<>(refused);
        more.add(id.toString());
        return new InvoiceState(ledger, creditNotes, Set.copyOf(more));
    }

    /**
     * How Books' status stands for the ledger: {@code draft} and {@code void} count nothing, every other status
     * (sent, viewed, overdue, partially paid, paid) is {@code open}. Facts from before statuses were carried say
     * nothing: such an invoice is open unless voided.
     */
    public String standing() {
        return voided() ? "void" : standingOf(status() == null ? "sent" : status());
    }

    /** The standing of a Books status: draft, void or open. */
    public static String standingOf(String booksStatus) {
        if ("draft".equalsIgnoreCase(booksStatus)) {
            return "draft";
        }
        return "void".equalsIgnoreCase(booksStatus) ? "void" : "open";
    }

    /** Whether the ledger holds the fact with this id. */
    public boolean knows(String factId) {
        return ledger != null && ledger.applied(factId) || refused.contains(factId);
    }

    public boolean imported() {
        return view() != null && view().imported();
    }

    public String invoiceNumber() {
        return view() == null ? null : view().number();
    }

    public String currency() {
        return view() == null || view().currency() == null ? null : view().currency().getCurrencyCode();
    }

    /** The invoice's total as its import or newest amendment states it; null before the import. */
    public BigDecimal total() {
        return imported() ? view().total().amount() : null;
    }

    public LocalDate dueDate() {
        return view() == null ? null : view().dueDate();
    }

    /** The newest Books revision ({@code last_modified_time}) the facts state, or null. */
    public String revision() {
        return ledger == null ? null : ledger.revision();
    }

    /** How many amendments and voids the ledger holds of the invoice (the next one is this + 1). */
    public long statements() {
        return ledger == null ? 0 : ledger.facts().stream()
                .filter(f -> f instanceof LedgerFact.Amended || f instanceof LedgerFact.Voided).count();
    }

    public boolean voided() {
        return view() != null && view().voided();
    }

    public String status() {
        return view() == null ? null : view().status();
    }

    public String dealId() {
        return view() == null ? null : view().dealId();
    }

    /** When the latest link or unlink of this invoice happened, or null. */
    public Instant linkedAt() {
        return ledger == null ? null : ledger.linkedAt().orElse(null);
    }

    /** Per payment counted on the invoice, its amount (payments taken off are not here). */
    public Map<String, BigDecimal> payments() {
        if (ledger == null) {
            return Map.of();
        }
        Map<String, BigDecimal> live = new TreeMap<>();
        ledger.payments().forEach((paymentId, amount) -> {
            if (!ledger.paymentTakenOff(paymentId)) {
                live.put(paymentId, amount.amount());
            }
        });
        return live;
    }

    /** The payments whose standing statement takes them off this invoice. */
    public Set<String> reversedPayments() {
        return ledger == null ? Set.of() : ledger.payments().keySet().stream().filter(ledger::paymentTakenOff)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The sequence of the payment's standing statement on this invoice (0 for none, or from before sequences). */
    public long paymentSequence(String paymentId) {
        return ledger == null ? 0 : ledger.nextPaymentSequence(paymentId) - 1;
    }

    /** Per credit application counted on the invoice, its credit note and amount. */
    public Map<String, Credit> credits() {
        if (ledger == null) {
            return Map.of();
        }
        Map<String, Credit> live = new TreeMap<>();
        ledger.credits().forEach((applicationId, amount) -> ledger.credit(applicationId).ifPresent(applied ->
                live.put(applicationId, new Credit(creditNotes.get(applicationId), applied.amount()))));
        return live;
    }

    /** Sum of the payments applied and not reversed. */
    public BigDecimal paid() {
        return amount(view() == null ? null : view().paid());
    }

    /** Sum of the credits applied and not reversed. */
    public BigDecimal credited() {
        return amount(view() == null ? null : view().credited());
    }

    /** The write-off amount that stands. */
    public BigDecimal writtenOff() {
        return amount(view() == null ? null : view().writtenOff());
    }

    /** The sequence of the write-off statement that stands (0 for none, or from before sequences). */
    public long writeOffSequence() {
        return ledger == null ? 0 : ledger.nextWriteOffSequence() - 1;
    }

    /**
     * What Books' {@code balance} should show, as far as the ledger has been told: total − paid − credited − written
     * off, drafts included (Books shows a draft's balance; the ledger counts a draft as nothing); 0 when voided.
     */
    public BigDecimal balance() {
        return voided() || total() == null ? BigDecimal.ZERO : balanceOf(view().paid());
    }

    /**
     * What Books' {@code balance} should show were the payments counted on the invoice {@code payments} (its credits
     * and write-off as the ledger holds them); only for an imported invoice.
     */
    public BigDecimal balanceWith(Map<String, BigDecimal> payments) {
        Currency currency = view().total().currency();
        return balanceOf(payments.values().stream().map(amount -> new Money(amount, currency))
                .reduce(Money.zero(currency), Money::plus));
    }

    /** Total − paid − credited − written off, summed as {@link Money} (one currency, exact). */
    private BigDecimal balanceOf(Money paid) {
        Money total = view().total();
        return total.minus(orZero(paid, total)).minus(orZero(view().credited(), total))
                .minus(orZero(view().writtenOff(), total)).amount();
    }

    private static Money orZero(Money money, Money of) {
        return money == null ? Money.zero(of.currency()) : money;
    }

    private InvoiceView view() {
        return ledger == null ? null : ledger.view();
    }

    private static BigDecimal amount(Money money) {
        return money == null ? BigDecimal.ZERO : money.amount();
    }
}
