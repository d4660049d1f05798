package io.dealledger.ledger.invoice;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import io.dealledger.ledger.invoice.LedgerFact.Amended;
import io.dealledger.ledger.invoice.LedgerFact.CreditApplied;
import io.dealledger.ledger.invoice.LedgerFact.CreditRefunded;
import io.dealledger.ledger.invoice.LedgerFact.CreditReversed;
import io.dealledger.ledger.invoice.LedgerFact.Imported;
import io.dealledger.ledger.invoice.LedgerFact.Linked;
import io.dealledger.ledger.invoice.LedgerFact.PaymentApplied;
import io.dealledger.ledger.invoice.LedgerFact.PaymentReversed;
import io.dealledger.ledger.invoice.LedgerFact.Unlinked;
import io.dealledger.ledger.invoice.LedgerFact.Voided;
import io.dealledger.ledger.invoice.LedgerFact.WriteOffCancelled;
import io.dealledger.ledger.invoice.LedgerFact.WrittenOff;
import io.dealledger.ledger.money.Money;

/**
 * Derives an {@link InvoiceView} from a set of facts. Every choice is a function of the set:
 * <ul>
 * <li>invoice details: the latest InvoiceImported; total: the amendment with the newest revision, else the
 * import; due date: the newest amendment that names one, else the import;</li>
 * <li>link: link and unlink facts folded in time order; an unlink only undoes a link to the deal it names;</li>
 * <li>paid: payments by payment id that have no reversal; credited: applications by application id that have
 * no reversal; refunded: refunded payment reversals plus credit refunds; written off: write-offs less
 * cancellations;</li>
 * <li>a voided invoice (InvoiceVoided, or imported with Books status void) has balance 0;</li>
 * <li>invoice date: the latest import's, else the one an issued invoice (InvoiceIssued) was created with.</li>
 * </ul>
 */
final class InvoiceViews {

    private InvoiceViews() {
    }

    static InvoiceView derive(InvoiceRef invoice, List<LedgerFact> facts) {
        Optional<Imported> imported = latest(facts, Imported.class);
        Optional<Amended> amendment = of(facts, Amended.class)
                .max(Comparator.comparing(Amended::revision, Revisions.ORDER).thenComparing(LedgerFact.CHRONOLOGICAL));
        Currency currency = imported.map(i -> i.total().currency())
                .or(() -> amendment.map(a -> a.total().currency()))
                .or(() -> facts.stream().map(InvoiceViews::amountOf).filter(m -> m != null).findFirst()
                        .map(Money::currency))
                .orElse(null);
        String dealId = linkedDeal(facts);
        boolean voided = of(facts, Voided.class).findAny().isPresent()
                || imported.map(i -> "void".equalsIgnoreCase(i.booksStatus())).orElse(false);
        if (currency == null) {
            return new InvoiceView(invoice, dealId, false, voided, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
        }
        Money zero = Money.zero(currency);
        Map<String, PaymentApplied> payments = byKey(facts, PaymentApplied.class, PaymentApplied::paymentId);
        Set<String> reversedPayments = keys(facts, PaymentReversed.class, PaymentReversed::paymentId);
        Map<String, CreditApplied> credits = byKey(facts, CreditApplied.class, CreditApplied::applicationId);
        Set<String> reversedCredits = keys(facts, CreditReversed.class, CreditReversed::applicationId);
        Money paid = payments.values().stream().filter(p -> !reversedPayments.contains(p.paymentId()))
                .map(PaymentApplied::amount).reduce(zero, Money::plus);
        LocalDate lastPaymentDate = payments.values().stream().filter(p -> !reversedPayments.contains(p.paymentId()))
                .map(PaymentApplied::paidOn).filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null);
        Money credited = credits.values().stream().filter(c -> !reversedCredits.contains(c.applicationId()))
                .map(CreditApplied::amount).reduce(zero, Money::plus);
        Money refunded = byKey(facts, PaymentReversed.class, PaymentReversed::paymentId).values().stream()
                .filter(PaymentReversed::refund).map(PaymentReversed::amount).reduce(zero, Money::plus)
                .plus(byKey(facts, CreditRefunded.class, CreditRefunded::refundId).values().stream()
                        .map(CreditRefunded::amount).reduce(zero, Money::plus));
        Money writtenOff = of(facts, WrittenOff.class).map(WrittenOff::amount).reduce(zero, Money::plus)
                .minus(of(facts, WriteOffCancelled.class).map(WriteOffCancelled::amount).reduce(zero, Money::plus));
        // every money fact must be in the invoice's currency; Money arithmetic throws otherwise
        facts.stream().map(InvoiceViews::amountOf).filter(m -> m != null).forEach(zero::plus);
        Money total = amendment.map(Amended::total).or(() -> imported.map(Imported::total)).orElse(zero);
        // an amendment without a due date leaves it as it was: the newest amendment that names one wins
        LocalDate dueDate = of(facts, Amended.class).filter(a -> a.dueDate() != null)
                .max(Comparator.comparing(Amended::revision, Revisions.ORDER).thenComparing(LedgerFact.CHRONOLOGICAL))
                .map(Amended::dueDate).orElse(imported.map(Imported::dueDate).orElse(null));
        Money balance = voided ? zero : total.minus(paid).minus(credited).minus(writtenOff);
        // the pre-tax amount of whichever terms set the total, else the total itself
        Money billed = amendment.map(a -> a.subTotal() != null ? a.subTotal() : a.total())
                .or(() -> imported.map(i -> i.subTotal() != null ? i.subTotal() : i.total())).orElse(zero);
        return new InvoiceView(invoice, dealId, imported.isPresent(), voided,
                imported.map(Imported::number).orElse(null), imported.map(Imported::customerId).orElse(null),
                imported.map(Imported::url).orElse(null), currency, total, paid, credited, refunded, writtenOff,
                balance, dueDate, lastPaymentDate, billed, invoiceDate(imported, facts));
    }

    /** The latest import's date, else the date of the latest issue (an InvoiceIssued link) that names one. */
    private static LocalDate invoiceDate(Optional<Imported> imported, List<LedgerFact> facts) {
        return imported.map(Imported::invoiceDate).orElseGet(() -> of(facts, Linked.class)
                .filter(link -> link.invoiceDate() != null).max(LedgerFact.CHRONOLOGICAL)
                .map(Linked::invoiceDate).orElse(null));
    }

    private static String linkedDeal(List<LedgerFact> facts) {
        String deal = null;
        List<LedgerFact> links = facts.stream().filter(f -> f instanceof Linked || f instanceof Unlinked)
                .sorted(LedgerFact.CHRONOLOGICAL).toList();
        for (LedgerFact link : links) {
            if (link instanceof Linked linked) {
                deal = linked.dealId();
            } else if (link instanceof Unlinked unlinked && unlinked.dealId().equals(deal)) {
                deal = null;
            }
        }
        return deal;
    }

    private static Money amountOf(LedgerFact fact) {
        if (fact instanceof Imported f) {
            return f.total();
        } else if (fact instanceof Amended f) {
            return f.total();
        } else if (fact instanceof PaymentApplied f) {
            return f.amount();
        } else if (fact instanceof PaymentReversed f) {
            return f.amount();
        } else if (fact instanceof CreditApplied f) {
            return f.amount();
        } else if (fact instanceof CreditReversed f) {
            return f.amount();
        } else if (fact instanceof CreditRefunded f) {
            return f.amount();
        } else if (fact instanceof WrittenOff f) {
            return f.amount();
        } else if (fact instanceof WriteOffCancelled f) {
            return f.amount();
        }
        return null; // links and voids carry no money
    }

    private static <T extends LedgerFact> Stream<T> of(List<LedgerFact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast);
    }

    private static <T extends LedgerFact> Optional<T> latest(List<LedgerFact> facts, Class<T> type) {
        return of(facts, type).max(LedgerFact.CHRONOLOGICAL);
    }

    /** One fact per business id (payment id, application id, refund id): the latest, should Books re-send it. */
    private static <T extends LedgerFact> Map<String, T> byKey(List<LedgerFact> facts, Class<T> type,
                                                               java.util.function.Function<T, String> key) {
        Map<String, T> byKey = new HashMap<>();
        BinaryOperator<T> later = (a, b) -> LedgerFact.CHRONOLOGICAL.compare(a, b) >= 0 ? a : b;
        of(facts, type).forEach(fact -> byKey.merge(key.apply(fact), fact, later));
        return byKey;
    }

    private static <T extends LedgerFact> Set<String> keys(List<LedgerFact> facts, Class<T> type,
                                                           java.util.function.Function<T, String> key) {
        Set<String> keys = new HashSet<>();
        of(facts, type).forEach(fact -> keys.add(key.apply(fact)));
        return keys;
    }
}
