package io.dealledger.ledger.deal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import io.dealledger.ledger.deal.DealView.InvoiceStatus;
import io.dealledger.ledger.deal.DealView.Line;
import io.dealledger.ledger.deal.DealView.PaymentStatus;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.core.money.Money;

/**
 * Computes a deal's ledger from its state and today's date (docs/architecture.md §4). Pure: the same state and day give
 * the same view.
 *
 * <ul>
 * <li>Currency: the deal's CRM currency, else the one read when an invoice was issued, else the currency most of
 * its imported invoices carry (ties: alphabetical), else the configured default currency (the org's base
 * currency: a deal known only by a rejected request still shows its error).</li>
 * <li>Sums run over the linked, imported, not voided invoices in the deal's currency.</li>
 * <li>Deal value: the latest DealChanged amount, else the latest InvoiceIssued deal amount (if in the deal's
 * currency); uninvoiced = deal value − the invoices' amounts before tax (the deal value is pre-tax).</li>
 * <li>Status: NOT_INVOICED without counted invoices; OVERDUE when anything is overdue; PAID when nothing is
 * outstanding on a positive invoiced total; PARTIALLY_PAID when anything is paid or credited; else UNPAID.</li>
 * <li>Last invoice error: the latest rejection, if it is newer than the latest issued invoice, with its primary
 * reason's category.</li>
 * <li>Account: the latest account any source named; link rejections: the standing ones, by invoice.</li>
 * </ul>
 * Invariant: outstanding = invoiced − paid − credited − written off over the counted invoices, and
 * 0 ≤ overdue ≤ outstanding; a breach throws {@link IllegalStateException}.
 */
public final class DealCalculator {

    private DealCalculator() {
    }

    public static DealView view(DealState state, LocalDate today, Currency defaultCurrency) {
        List<InvoiceView> imported = state.invoices().values().stream().filter(InvoiceView::imported).toList();
        Currency currency = currency(state, imported).orElse(defaultCurrency);
        List<InvoiceView> counted = imported.stream()
                .filter(i -> i.counted() && i.currency().equals(currency)).toList();
        Money invoiced = sum(counted, InvoiceView::total, currency);
        Money paid = sum(counted, InvoiceView::paid, currency);
        Money credited = sum(counted, InvoiceView::credited, currency);
        Money writtenOff = sum(counted, InvoiceView::writtenOff, currency);
        Money outstanding = sum(counted, InvoiceView::balance, currency);
        List<InvoiceView> overdueInvoices = counted.stream().filter(i -> i.overdueOn(today)).toList();
        Money overdue = sum(overdueInvoices, InvoiceView::balance, currency);
        checkSums(state.dealId(), invoiced, paid, credited, writtenOff, outstanding, overdue);
        Money dealValue = dealValue(state, currency);
        DealInput.Rejected error = lastInvoiceError(state);
        return new DealView(state.dealId(), organization(state, imported),
                state.account() == null ? null : state.account().accountId(), currency.getCurrencyCode(),
                dealValue, invoiced, paid, credited, sum(counted, InvoiceView::refunded, currency), writtenOff,
                outstanding, overdue, overdueInvoices.size(),
                dealValue == null ? null : dealValue.minus(sum(counted, InvoiceView::billed, currency)),
                status(counted, invoiced, paid, credited, outstanding, overdue),
                imported.stream().sorted(Comparator.comparing(InvoiceView::invoice))
                        .map(i -> line(i, currency, today)).toList(),
                counted.stream().map(InvoiceView::lastPaymentDate).filter(d -> d != null)
                        .max(Comparator.naturalOrder()).orElse(null),
                error == null ? null : error.message(), error == null ? null : error.category(),
                List.copyOf(state.linkRejections().values()));
    }

    private static Optional<Currency> currency(DealState state, List<InvoiceView> imported) {
        if (state.terms() != null && state.terms().currency() != null) {
            return Optional.of(Currency.getInstance(state.terms().currency()));
        }
        if (state.issued() != null && state.issued().dealCurrency() != null) {
            return Optional.of(Currency.getInstance(state.issued().dealCurrency()));
        }
        Map<String, Long> byCode = new TreeMap<>();
        imported.forEach(i -> byCode.merge(i.currency().getCurrencyCode(), 1L, Long::sum));
        return byCode.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> Currency.getInstance(e.getKey()));
    }

    private static Money dealValue(DealState state, Currency currency) {
        if (state.terms() != null && state.terms().amount() != null) {
            return new Money(state.terms().amount(), currency);
        }
        if (state.issued() != null && state.issued().dealAmount() != null && (state.issued().dealCurrency() == null
                || state.issued().dealCurrency().equals(currency.getCurrencyCode()))) {
            return new Money(state.issued().dealAmount(), currency);
        }
        return null;
    }

    private static String organization(DealState state, List<InvoiceView> imported) {
        if (state.terms() != null && state.terms().organizationId() != null) {
            return state.terms().organizationId();
        }
        if (state.issued() != null) {
            return state.issued().organizationId();
        }
        return imported.stream().map(i -> i.invoice().organizationId()).sorted().findFirst().orElse(null);
    }

    private static PaymentStatus status(List<InvoiceView> counted, Money invoiced, Money paid, Money credited,
                                        Money outstanding, Money overdue) {
        if (counted.isEmpty()) {
            return PaymentStatus.NOT_INVOICED;
        }
        if (overdue.isPositive()) {
            return PaymentStatus.OVERDUE;
        }
        if (outstanding.isZero() && invoiced.isPositive()) {
            return PaymentStatus.PAID;
        }
        return paid.plus(credited).isPositive() ? PaymentStatus.PARTIALLY_PAID : PaymentStatus.UNPAID;
    }

    private static Line line(InvoiceView invoice, Currency dealCurrency, LocalDate today) {
        String status;
        if (invoice.voided()) {
            status = InvoiceStatus.VOID;
        } else if (!invoice.currency().equals(dealCurrency)) {
            status = InvoiceStatus.CURRENCY_MISMATCH + invoice.currency().getCurrencyCode();
        } else if (invoice.balance().isZero()) {
            status = InvoiceStatus.PAID;
        } else if (invoice.overdueOn(today)) {
            status = InvoiceStatus.OVERDUE;
        } else if (invoice.paid().plus(invoice.credited()).isPositive()) {
            status = InvoiceStatus.PARTIALLY_PAID;
        } else {
            status = InvoiceStatus.UNPAID;
        }
        return new Line(invoice.invoice(), invoice.number(), status, invoice.total(), invoice.balance(),
                invoice.dueDate(), invoice.url(), invoice.invoiceDate());
    }

    private static DealInput.Rejected lastInvoiceError(DealState state) {
        DealInput.Rejected rejected = state.rejected();
        if (rejected == null || state.issued() != null
                && DealInput.Dated.CHRONOLOGICAL.compare(rejected, state.issued()) < 0) {
            return null;
        }
        return rejected;
    }

    private static void checkSums(String dealId, Money invoiced, Money paid, Money credited, Money writtenOff,
                                  Money outstanding, Money overdue) {
        Money expected = invoiced.minus(paid).minus(credited).minus(writtenOff);
        if (!expected.equals(outstanding)) {
            throw new IllegalStateException("deal " + dealId + ": outstanding " + outstanding
                    + " is not invoiced − paid − credited − written off = " + expected);
        }
        // outstanding may be negative while a fact is on its way (a payment before the invoice's raised total)
        Money ceiling = outstanding.isNegative() ? Money.zero(outstanding.currency()) : outstanding;
        if (overdue.isNegative() || overdue.compareTo(ceiling) > 0) {
            throw new IllegalStateException("deal " + dealId + ": overdue " + overdue
                    + " is not between 0 and outstanding " + outstanding);
        }
    }

    private static Money sum(List<InvoiceView> invoices, Function<InvoiceView, Money> amount, Currency currency) {
        List<Money> amounts = new ArrayList<>(invoices.stream().map(amount).toList());
        return amounts.stream().reduce(Money.zero(currency), Money::plus);
    }
}
