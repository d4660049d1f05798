package io.dealledger.ledger.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

import io.dealledger.ledger.deal.DealView.PaymentStatus;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.core.money.Money;

import org.junit.jupiter.api.Test;

class DealCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    private static InvoiceView invoice(String id, String currency, String total, String paid, LocalDate due) {
        Money zero = Money.of("0", currency);
        Money t = Money.of(total, currency);
        Money p = Money.of(paid, currency);
        return new InvoiceView(new InvoiceRef("org-1", id), "deal-1", true, false, "INV-" + id, "cust", null,
                Currency.getInstance(currency), t, p, zero, zero, zero, t.minus(p), due, null, t, null);
    }

    private static DealState deal(InvoiceView... invoices) {
        DealState state = DealState.empty("deal-1")
                .with(new DealInput.Terms("t1", T, "org-1", new BigDecimal("1500"), "USD"));
        for (InvoiceView invoice : invoices) {
            state = state.with(new DealInput.InvoiceChanged(invoice.invoice(), invoice));
        }
        return state;
    }

    @Test
    void aDealWithoutInvoicesIsNotInvoicedAndAllOfItsValueIsUninvoiced() {
        DealView view = DealCalculator.view(deal(), TODAY, USD);
        assertThat(view.paymentStatus()).isEqualTo(PaymentStatus.NOT_INVOICED);
        assertThat(view.uninvoiced()).isEqualTo(Money.of("1500", "USD"));
    }

    @Test
    void aDealInvoicedInFullWithSalesTaxHasNothingLeftToInvoice() {
        // Given a 1,500 deal (CRM amounts are before tax) invoiced in two parts, each with 7.25% tax
        Money zero = Money.of("0", "USD");
        InvoiceView deposit = new InvoiceView(new InvoiceRef("org-1", "d"), "deal-1", true, false, "INV-d", "cust", null,
                USD, Money.of("643.50", "USD"), zero, zero, zero, zero, Money.of("643.50", "USD"), null, null,
                Money.of("600", "USD"), null);
        InvoiceView rest = new InvoiceView(new InvoiceRef("org-1", "r"), "deal-1", true, false, "INV-r", "cust", null,
                USD, Money.of("965.25", "USD"), zero, zero, zero, zero, Money.of("965.25", "USD"), null, null,
                Money.of("900", "USD"), null);
        // When the ledger is computed
        DealView view = DealCalculator.view(deal(deposit, rest), TODAY, USD);
        // Then what was invoiced includes the tax, and nothing of the deal is left to invoice
        assertThat(view.totalInvoiced()).isEqualTo(Money.of("1608.75", "USD"));
        assertThat(view.uninvoiced()).isEqualTo(Money.of("0", "USD"));
    }

    @Test
    void anInvoicePastItsDueDateMakesTheDealOverdueTheDayAfter() {
        // Given an unpaid invoice due yesterday and one due today
        DealState state = deal(invoice("a", "USD", "500", "0", TODAY.minusDays(1)),
                invoice("b", "USD", "500", "100", TODAY));
        // When the ledger is computed today
        DealView view = DealCalculator.view(state, TODAY, USD);
        // Then only the first is overdue
        assertThat(view.paymentStatus()).isEqualTo(PaymentStatus.OVERDUE);
        assertThat(view.overdue()).isEqualTo(Money.of("500", "USD"));
        assertThat(view.outstanding()).isEqualTo(Money.of("900", "USD"));
        // And tomorrow the second is too
        assertThat(DealCalculator.view(state, TODAY.plusDays(1), USD).overdue()).isEqualTo(Money.of("900", "USD"));
    }

    @Test
    void anInvoiceInAnotherCurrencyIsListedButNeverSummed() {
        DealView view = DealCalculator.view(deal(invoice("a", "USD", "500", "500", null),
                invoice("b", "EUR", "700", "0", null)), TODAY, USD);
        assertThat(view.totalInvoiced()).isEqualTo(Money.of("500", "USD"));
        assertThat(view.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(view.invoices()).extracting(DealView.Line::status).containsExactly("paid", "currency_mismatch:EUR");
    }

    @Test
    void anInvoiceRelinkedElsewhereLeavesTheDeal() {
        InvoiceView moved = new InvoiceView(new InvoiceRef("org-1", "a"), "deal-2", true, false, "INV-a", "cust",
                null, USD, Money.of("500", "USD"), Money.of("0", "USD"), Money.of("0", "USD"), Money.of("0", "USD"),
                Money.of("0", "USD"), Money.of("500", "USD"), null, null, Money.of("500", "USD"), null);
        DealState state = deal(invoice("a", "USD", "500", "0", null)).with(new DealInput.InvoiceChanged(moved.invoice(),
                moved));
        assertThat(DealCalculator.view(state, TODAY, USD).totalInvoiced()).isEqualTo(Money.of("0", "USD"));
    }

    @Test
    void theLatestRejectionIsTheErrorWithItsCategoryUntilAnInvoiceIsIssuedAfterIt() {
        DealState rejected = deal().with(new DealInput.Rejected("r1", T.plusSeconds(10), "req-1", "No tax authority",
                "MISSING_TAX_MAPPING"));
        assertThat(DealCalculator.view(rejected, TODAY, USD).lastInvoiceError()).isEqualTo("No tax authority");
        assertThat(DealCalculator.view(rejected, TODAY, USD).lastInvoiceErrorCategory()).isEqualTo("MISSING_TAX_MAPPING");
        DealState issued = rejected.with(new DealInput.Issued("i1", T.plusSeconds(20), "org-1", "req-2", "inv-9",
                null, "USD"));
        assertThat(DealCalculator.view(issued, TODAY, USD).lastInvoiceError()).isNull();
        assertThat(DealCalculator.view(issued, TODAY, USD).lastInvoiceErrorCategory()).isNull();
    }

    @Test
    void theDealsAccountIsTheLatestOneNamedWhateverOrderTheyArriveIn() {
        DealState state = deal().with(new DealInput.AccountSeen("a2", T.plusSeconds(20), "acc-2"))
                .with(new DealInput.AccountSeen("a1", T.plusSeconds(10), "acc-1"));
        assertThat(DealCalculator.view(state, TODAY, USD).accountId()).isEqualTo("acc-2");
    }

    @Test
    void sumsThatDoNotAddUpAreAnInvariantViolation() {
        // Given an invoice view whose balance disagrees with its own amounts (a bug upstream)
        Money zero = Money.of("0", "USD");
        InvoiceView broken = new InvoiceView(new InvoiceRef("org-1", "x"), "deal-1", true, false, "INV-x", "cust",
                null, USD, Money.of("500", "USD"), Money.of("100", "USD"), zero, zero, zero, Money.of("450", "USD"),
                null, null, Money.of("500", "USD"), null);
        // Then the deal refuses to add it up
        assertThatThrownBy(() -> DealCalculator.view(deal(broken), TODAY, USD))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outstanding");
    }

    @Test
    void aDealChangeWithoutAnAmountKeepsTheDealValue() {
        // Given a 1,500 deal, then a DealChanged naming only the deal id (as the gateway builds from a notification)
        DealState state = deal().with(new DealInput.Terms("t2", T.plusSeconds(60), "org-1", null, null));
        // When the ledger is computed
        DealView view = DealCalculator.view(state, TODAY, USD);
        // Then the deal value and what is left to invoice are unchanged
        assertThat(view.dealValue()).isEqualTo(Money.of("1500", "USD"));
        assertThat(view.uninvoiced()).isEqualTo(Money.of("1500", "USD"));
    }
}
