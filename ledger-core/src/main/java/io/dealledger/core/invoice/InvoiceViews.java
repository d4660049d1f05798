package io.dealledger.core.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import io.dealledger.core.invoice.LedgerFact.Amended;
import io.dealledger.core.invoice.LedgerFact.CreditApplied;
import io.dealledger.core.invoice.LedgerFact.CreditRefunded;
import io.dealledger.core.invoice.LedgerFact.CreditReversed;
import io.dealledger.core.invoice.LedgerFact.Imported;
import io.dealledger.core.invoice.LedgerFact.Linked;
import io.dealledger.core.invoice.LedgerFact.PaymentApplied;
import io.dealledger.core.invoice.LedgerFact.PaymentReversed;
import io.dealledger.core.invoice.LedgerFact.Stated;
import io.dealledger.core.invoice.LedgerFact.Unlinked;
import io.dealledger.core.invoice.LedgerFact.Voided;
import io.dealledger.core.invoice.LedgerFact.WriteOffCancelled;
import io.dealledger.core.invoice.LedgerFact.WrittenOff;
import io.dealledger.core.money.Money;
import io.dealledger.core.time.BooksTime;

/**
 * Derives an {@link InvoiceView} from a set of facts. Every choice is a function of the set:
 * <ul>
 * <li>invoice details: the latest InvoiceImported; total: the amendment with the newest revision, else the
 * import; due date: the newest amendment that names one, else the import;</li>
 * <li>status: the newest statement of it (an import, an amendment that names one, a void), by Books' revision, else
 * by when it was seen; a voided invoice counts nothing, and neither does a draft (Books keeps drafts out of
 * receivables); a void converted back to draft, then sent, counts again;</li>
 * <li>link: link and unlink facts folded in time order; an unlink only undoes a link to the deal it names;</li>
 * <li>paid: per payment, its statement with the highest sequence (a reversal before an application at the same
 * sequence): applied counts its amount, reversed nothing; credited: the same per credit application; refunded:
 * payments whose standing statement is a refund, plus credit refunds; written off: the standing write-off
 * statement;</li>
 * <li>invoice date: the latest import's, else the one an issued invoice (InvoiceIssued) was created with.</li>
 * </ul>
 */
public final class InvoiceViews {

    /** Revisions in Books' time order, then the facts' own time. */
    static final Comparator<Amended> BY_REVISION = Comparator.comparing(Amended::revision, BooksTime.ORDER)
            .thenComparing(LedgerFact.CHRONOLOGICAL);

    /** Which statement stands: the highest sequence; at the same sequence a taking-off; then time. */
    static final Comparator<Stated> STANDING = Comparator.comparingLong(Stated::sequence)
            .thenComparing(InvoiceViews::takesOff)
            .thenComparing(LedgerFact.CHRONOLOGICAL);

    /**
     * Which write-off statement stands: the highest sequence, then the latest. Books has one write-off per invoice
     * at a time, and a write-off made again after a cancellation is a new statement, so time decides a tie.
     */
    static final Comparator<Stated> WRITE_OFF_STANDING = Comparator.comparingLong(Stated::sequence)
            .thenComparing(LedgerFact.CHRONOLOGICAL);

    private InvoiceViews() {
    }

    static InvoiceView derive(InvoiceRef invoice, List<LedgerFact> facts) {
        Optional<Imported> imported = latest(facts, Imported.class);
        Optional<Amended> amendment = of(facts, Amended.class).max(BY_REVISION);
        Currency currency = imported.map(i -> i.total().currency())
                .or(() -> amendment.map(a -> a.total().currency()))
                .or(() -> facts.stream().map(InvoiceViews::amountOf).filter(m -> m != null).findFirst()
                        .map(Money::currency))
                .orElse(null);
        String dealId = linkedDeal(facts);
        String status = status(facts);
        boolean voided = "void".equalsIgnoreCase(status);
        if (currency == null) {
            return new InvoiceView(invoice, dealId, false, voided, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, status);
        }
        Money zero = Money.zero(currency);
        // every money fact must be in the invoice's currency; Money arithmetic throws otherwise
        facts.stream().map(InvoiceViews::amountOf).filter(m -> m != null).forEach(zero::plus);
        Map<String, Stated> payments = standing(facts, InvoiceViews::paymentOf);
        Money paid = payments.values().stream().filter(PaymentApplied.class::isInstance).map(PaymentApplied.class::cast)
                .map(PaymentApplied::amount).reduce(zero, Money::plus);
        LocalDate lastPaymentDate = payments.values().stream().filter(PaymentApplied.class::isInstance)
                .map(PaymentApplied.class::cast).map(PaymentApplied::paidOn).filter(d -> d != null)
                .max(Comparator.naturalOrder()).orElse(null);
        Money credited = standing(facts, InvoiceViews::creditOf).values().stream()
                .filter(CreditApplied.class::isInstance).map(CreditApplied.class::cast).map(CreditApplied::amount)
                .reduce(zero, Money::plus);
        Money refunded = payments.values().stream().filter(p -> p instanceof PaymentReversed r && r.refund())
                .map(p -> ((PaymentReversed) p).amount()).reduce(zero, Money::plus)
                .plus(byKey(facts, CreditRefunded.class, CreditRefunded::refundId).values().stream()
                        .map(CreditRefunded::amount).reduce(zero, Money::plus));
        Money writtenOff = writeOff(facts).filter(WrittenOff.class::isInstance).map(w -> ((WrittenOff) w).amount())
                .orElse(zero);
        Money total = amendment.map(Amended::total).or(() -> imported.map(Imported::total)).orElse(zero);
        // an amendment without a due date leaves it as it was: the newest amendment that names one wins
        LocalDate dueDate = of(facts, Amended.class).filter(a -> a.dueDate() != null).max(BY_REVISION)
                .map(Amended::dueDate).orElse(imported.map(Imported::dueDate).orElse(null));
        boolean counts = imported.isPresent() && !voided && !"draft".equalsIgnoreCase(status);
        Money balance = counts ? total.minus(paid).minus(credited).minus(writtenOff) : zero;
        // the pre-tax amount of whichever terms set the total, else the total itself
        Money billed = amendment.map(a -> a.subTotal() != null ? a.subTotal() : a.total())
                .or(() -> imported.map(i -> i.subTotal() != null ? i.subTotal() : i.total())).orElse(zero);
        return new InvoiceView(invoice, dealId, imported.isPresent(), voided,
                imported.map(Imported::number).orElse(null), imported.map(Imported::customerId).orElse(null),
                imported.map(Imported::url).orElse(null), currency, total, paid, credited, refunded, writtenOff,
                balance, dueDate, lastPaymentDate, billed, invoiceDate(imported, facts), status);
    }

    /** Per payment id, the statement that stands. */
    static Map<String, Stated> payments(List<LedgerFact> facts) {
        return standing(facts, InvoiceViews::paymentOf);
    }

    /** Per credit application id, the statement that stands. */
    static Map<String, Stated> credits(List<LedgerFact> facts) {
        return standing(facts, InvoiceViews::creditOf);
    }

    /** The write-off statement that stands, if any. */
    static Optional<Stated> writeOff(List<LedgerFact> facts) {
        return facts.stream().filter(f -> f instanceof WrittenOff || f instanceof WriteOffCancelled)
                .map(Stated.class::cast).max(WRITE_OFF_STANDING);
    }

    /** The newest statement of Books' status: import, amendment naming one, void; by revision, else by time seen. */
    static String status(List<LedgerFact> facts) {
        return facts.stream().filter(InvoiceViews::statesStatus)
                .max(Comparator.comparing(InvoiceViews::statusTime).thenComparing(LedgerFact.CHRONOLOGICAL))
                .map(InvoiceViews::statusOf).orElse(null);
    }

    /** The newest revision any fact states. */
    static String revision(List<LedgerFact> facts) {
        return facts.stream().map(InvoiceViews::revisionOf).filter(r -> r != null).max(BooksTime.ORDER).orElse(null);
    }

    private static boolean statesStatus(LedgerFact fact) {
        return fact instanceof Imported i && i.booksStatus() != null || fact instanceof Amended a && a.status() != null
                || fact instanceof Voided;
    }

    private static String statusOf(LedgerFact fact) {
        if (fact instanceof Imported i) {
            return i.booksStatus();
        }
        if (fact instanceof Amended a) {
            return a.status();
        }
        return "void";
    }

    /**
     * When a fact's status held, to the second: Books' revision has whole seconds, and a fact without one (an import
     * written before imports carried it) is timed by when it was seen. At the same second the fact seen later stands
     * ({@link LedgerFact#CHRONOLOGICAL}): a draft imported at 10:15:30.642 and marked sent at 10:15:30 (seen at .707)
     * is sent. Comparing the import's milliseconds with the revision's whole second kept such invoices drafts.
     */
    private static Instant statusTime(LedgerFact fact) {
        return Optional.ofNullable(revisionOf(fact)).flatMap(BooksTime::parse).orElse(fact.occurredAt())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String revisionOf(LedgerFact fact) {
        if (fact instanceof Imported i) {
            return i.revision();
        }
        if (fact instanceof Amended a) {
            return a.revision();
        }
        if (fact instanceof Voided v) {
            return v.revision();
        }
        return null;
    }

    private static boolean takesOff(Stated fact) {
        return fact instanceof PaymentReversed || fact instanceof CreditReversed || fact instanceof WriteOffCancelled;
    }

    private static String paymentOf(LedgerFact fact) {
        return fact instanceof PaymentApplied p ? p.paymentId() : fact instanceof PaymentReversed r ? r.paymentId() : null;
    }

    private static String creditOf(LedgerFact fact) {
        return fact instanceof CreditApplied c ? c.applicationId() : fact instanceof CreditReversed r ? r.applicationId()
                : null;
    }

    private static Map<String, Stated> standing(List<LedgerFact> facts, Function<LedgerFact, String> key) {
        Map<String, Stated> standing = new HashMap<>();
        for (LedgerFact fact : facts) {
            String id = key.apply(fact);
            if (id != null) {
                standing.merge(id, (Stated) fact, (a, b) -> STANDING.compare(a, b) >= 0 ? a : b);
            }
        }
        return standing;
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

    static Money amountOf(LedgerFact fact) {
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
        return null; // links, refusals and voids carry no money
    }

    private static <T extends LedgerFact> Stream<T> of(List<LedgerFact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast);
    }

    private static <T extends LedgerFact> Optional<T> latest(List<LedgerFact> facts, Class<T> type) {
        return of(facts, type).max(LedgerFact.CHRONOLOGICAL);
    }

    /** One fact per business id (a refund id): the latest, should Books re-send it. */
    private static <T extends LedgerFact> Map<String, T> byKey(List<LedgerFact> facts, Class<T> type,
                                                               Function<T, String> key) {
        Map<String, T> byKey = new HashMap<>();
        of(facts, type).forEach(fact -> byKey.merge(key.apply(fact), fact,
                (a, b) -> LedgerFact.CHRONOLOGICAL.compare(a, b) >= 0 ? a : b));
        return byKey;
    }
}
