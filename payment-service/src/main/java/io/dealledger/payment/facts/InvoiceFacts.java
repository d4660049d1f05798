package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dealledger.core.money.Money;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.zoho.books.BooksRecords.CreditApplication;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.InvoicePayment;

/**
 * What a Books invoice, read now, implies beyond what the ledger was already told ({@link InvoiceState}).
 * Facts come in an order the ledger can apply one by one without a negative balance: the invoice and a raised
 * total first, then money leaving (reversals, a cancelled write-off), then money arriving, then a lowered
 * total, then a void.
 */
public final class InvoiceFacts {

    private InvoiceFacts() {
    }

    /**
     * @param payments        the invoice's payments as Books lists them, or null when they were not read
     * @param credits         the invoice's credit applications, or null when they were not read
     * @param deletedPayments payments Books no longer knows at all (a vanished one that is not here was unapplied)
     */
    public static List<Fact> of(FactBuilder facts, Invoice invoice, List<InvoicePayment> payments,
                                List<CreditApplication> credits, Set<String> deletedPayments, InvoiceState known) {
        String id = invoice.invoiceId();
        String currency = invoice.currencyCode();
        String revision = invoice.lastModifiedTime() == null ? "amount-" + invoice.total() : invoice.lastModifiedTime();
        List<Fact> first = new ArrayList<>();
        List<Fact> leaving = new ArrayList<>();
        List<Fact> arriving = new ArrayList<>();
        List<Fact> last = new ArrayList<>();

        if (!known.imported()) {
            first.add(facts.imported(InvoiceTerms.of(invoice)));
        } else if (termsChanged(invoice, known) || statusChanged(invoice, known)) {
            Fact amended = facts.amended(id, revision, invoice.total(), currency, invoice.dueDate(), invoice.subTotal(),
                    invoice.status(), known.statements() + 1);
            (known.total() != null && invoice.total().compareTo(known.total()) < 0 ? last : first).add(amended);
        }
        if (payments != null) {
            // one payment may be applied to the invoice more than once (its unused amount applied later): its amount
            // here is the sum of its rows
            Map<String, InvoicePayment> now = payments.stream().collect(Collectors.toMap(InvoicePayment::paymentId,
                    Function.identity(), (a, b) -> together(a, b, currency), java.util.LinkedHashMap::new));
            known.payments().forEach((paymentId, amount) -> {
                if (!now.containsKey(paymentId)) {
                    leaving.add(facts.paymentGone(id, paymentId, currency, deletedPayments.contains(paymentId)
                            ? PaymentReversalReason.DELETED : PaymentReversalReason.UNAPPLIED, known));
                }
            });
            now.values().forEach(p -> arriving.add(facts.paymentNow(id, p.paymentId(), p.amount(), currency, p.date(),
                    known)));
        }
        if (credits != null) {
            Set<String> now = credits.stream().map(CreditApplication::creditNoteInvoiceId).collect(Collectors.toSet());
            known.credits().forEach((applicationId, credit) -> {
                if (!now.contains(applicationId)) {
                    leaving.add(facts.creditReversed(id, credit.creditNoteId(), applicationId, credit.amount(), currency));
                }
            });
            credits.forEach(c -> arriving.add(facts.creditApplied(id, c.creditNoteId(), c.creditNoteInvoiceId(),
                    c.amountApplied(), currency)));
        }
        BigDecimal writeOff = invoice.writeOffAmount();
        // Books' write_off_amount as it stands: written off, written off again after an edit, cancelled
        if (writeOff.signum() > 0 && writeOff.compareTo(known.writtenOff()) != 0) {
            arriving.add(facts.writtenOff(id, revision, writeOff, currency, known.writeOffSequence() + 1));
        } else if (writeOff.signum() == 0 && known.writtenOff().signum() > 0) {
            leaving.add(facts.writeOffCancelled(id, revision, known.writtenOff(), currency,
                    known.writeOffSequence() + 1));
        }
        if ("void".equalsIgnoreCase(invoice.status()) && !known.voided()) {
            last.add(facts.voided(id, invoice.lastModifiedTime(), known.statements() + 1));
        }
        List<Fact> all = new ArrayList<>(first);
        all.addAll(leaving);
        all.addAll(arriving);
        all.addAll(last);
        return all;
    }

    private static InvoicePayment together(InvoicePayment a, InvoicePayment b, String currency) {
        return new InvoicePayment(a.paymentId(), a.invoicePaymentId(), a.date(),
                Money.of(a.amount(), currency).plus(Money.of(b.amount(), currency)).amount());
    }

    /**
     * Whether the invoice left or entered a draft, or came back from a void (Books: void, then converted to draft):
     * a draft counts nothing. A void itself is told by {@link FactBuilder#voided}.
     */
    static boolean statusChanged(Invoice invoice, InvoiceState known) {
        String now = InvoiceState.standingOf(invoice.status());
        return invoice.status() != null && !"void".equals(now) && !now.equals(known.standing());
    }

    /** Whether Books' terms differ from those the ledger holds (import, then the newest amendment). */
    static boolean termsChanged(Invoice invoice, InvoiceState known) {
        boolean total = known.total() == null || invoice.total().compareTo(known.total()) != 0;
        return total || !Objects.equals(invoice.dueDate(), known.dueDate());
    }
}
