package io.dealledger.invoice.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dealledger.core.money.Money;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.DealLine;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.stage.StageAmount;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * What one request bills, worked out from the deal alone (no Zoho): the lines, the amount before tax,
 * and every reason the deal cannot be invoiced as asked. Its sums are {@link Money} in the deal's currency
 * ({@link #currencyOf}): they never mix currencies.
 *
 * @param lines      the whole deal's product lines, a single service line for a deal without lines, or one
 *                   line for a billing stage ("Deposit 30% of Globex - Robot cell")
 * @param amount     the total before tax, in the deal's currency: the sum of its lines, each rounded to the
 *                   currency's minor unit as Books rounds a line's {@code item_total}, so it is the invoice's
 *                   {@code sub_total}
 * @param stageLabel the billing stage's label, or null for the whole deal
 * @param rejections empty when the deal can be invoiced
 */
public record Billing(List<BillingLine> lines, Money amount, String stageLabel, List<Rejection> rejections) {

    /** {@code alreadyInvoiced}: in the deal's currency ({@link #alreadyInvoiced}). */
    public static Billing plan(Deal deal, StageAmount stage, String stageCurrency, List<String> allowedStages,
                               Money alreadyInvoiced) {
        List<Rejection> rejections = new ArrayList<>();
        if (allowedStages.stream().noneMatch(s -> s.equalsIgnoreCase(String.valueOf(deal.stage())))) {
            rejections.add(Rejection.of(Rejection.Code.STAGE_NOT_ALLOWED, "Stage", "deal '" + deal.reference()
                    + "' is at stage '" + deal.stage() + "'; invoices are pushed only at " + allowedStages));
        }
        Currency currency = currencyOf(deal.currency());
        BigDecimal amountField = deal.amount();
        if (amountField == null || amountField.signum() <= 0) {
            rejections.add(Rejection.of(Rejection.Code.AMOUNT_NOT_POSITIVE, "Amount", "deal '" + deal.reference()
                    + "' has amount " + amountField + ": set a positive Amount"));
            amountField = BigDecimal.ZERO;
        }
        Money value = Money.rounded(amountField, currency);
        if (deal.linesUnreadable() != null) {
            rejections.add(Rejection.of(Rejection.Code.DEAL_PRODUCTS_UNREADABLE, "Products", deal.linesUnreadable()
                    + ": the deal's products cannot be billed, so it is not invoiced as one line for its amount;"
                    + " fill in its line items, or fix its Products related list"));
        }
        List<BillingLine> lines = new ArrayList<>();
        Money amount;
        if (stage instanceof StageAmount.WholeDeal) {
            for (DealLine line : deal.lines()) {
                if (!line.product().hasSku()) {
                    rejections.add(Rejection.of(Rejection.Code.PRODUCT_WITHOUT_SKU, "Product_Code", "product '"
                            + line.product().name() + "' (" + line.product().id() + ") has no SKU: set its Product_Code"
                            + " so it can be matched to a Books item"));
                }
                lines.add(new BillingLine(line.product(), line.product().name(), line.description(), line.quantity(),
                        line.rate(), line.product().taxable()));
            }
            if (lines.isEmpty()) {
                lines.add(new BillingLine(null, deal.reference(), null, BigDecimal.ONE, value.atCurrencyDigits(), true));
            }
            amount = Money.sum(lines.stream().map(line -> line.amount(currency)).toList(), currency);
        } else {
            if (stageCurrency != null && deal.currency() != null && !stageCurrency.equalsIgnoreCase(deal.currency())) {
                rejections.add(Rejection.of(Rejection.Code.STAGE_CURRENCY_MISMATCH, "stage.currency", "the stage '"
                        + stage.label() + "' is in " + stageCurrency + " but deal '" + deal.reference() + "' is in "
                        + deal.currency() + ": ask again in " + deal.currency()));
            }
            amount = stage.of(value);
            lines.add(new BillingLine(null, stage.label() + " of " + deal.reference(), null, BigDecimal.ONE,
                    amount.atCurrencyDigits(), true));
        }
        if (!amount.isPositive() && value.isPositive()) {
            rejections.add(Rejection.of(Rejection.Code.AMOUNT_NOT_POSITIVE, stage.label() == null ? "Amount" : "stage",
                    "the invoice for deal '" + deal.reference() + "' would bill " + shown(amount, deal)
                            + ": only a positive amount can be invoiced"));
        }
        Money uninvoiced = value.minus(alreadyInvoiced);
        if (value.isPositive() && amount.compareTo(uninvoiced) > 0) {
            rejections.add(Rejection.of(Rejection.Code.STAGE_EXCEEDS_UNINVOICED, stage.label() == null ? "Amount" : "stage",
                    "this invoice would bill " + shown(amount, deal) + " but only "
                            + uninvoiced.max(Money.zero(currency)).atCurrencyDigits().toPlainString() + " of deal '"
                            + deal.reference() + "' (" + value.atCurrencyDigits().toPlainString() + ") is not yet invoiced ("
                            + alreadyInvoiced.atCurrencyDigits().toPlainString() + " already invoiced in Books):"
                            + " ask for a smaller stage or raise the deal's Amount"));
        }
        return new Billing(List.copyOf(lines), amount, stage.label(), List.copyOf(rejections));
    }

    /** The CRM products the lines bill, each once, in line order: the items the invoice needs. */
    public List<Product> products() {
        Map<String, Product> products = new LinkedHashMap<>();
        lines.stream().filter(l -> l.product() != null).forEach(l -> products.putIfAbsent(l.product().id(), l.product()));
        return List.copyOf(products.values());
    }

    /**
     * What Books already bills for the deal before tax, in {@code currency} (the deal's, {@link #currencyOf}): every
     * non-void invoice in that currency except the one of this request (a reprocessed request must not count
     * against itself); an invoice that names no currency counts as the deal's. Invoices dealledger created carry
     * their pre-tax amount; others count with their total.
     */
    public static Money alreadyInvoiced(List<Invoice> invoices, Currency currency, String requestIdField,
                                        String requestId, String billedAmountField) {
        List<Money> billed = new ArrayList<>();
        for (Invoice invoice : invoices) {
            Map<String, String> fields = invoice.customFields();
            if ("void".equalsIgnoreCase(invoice.status()) || requestId.equals(fields.get(requestIdField))
                    || (invoice.currencyCode() != null && !UNKNOWN.equals(currency)
                    && !invoice.currencyCode().equalsIgnoreCase(currency.getCurrencyCode()))) {
                continue;
            }
            billed.add(Money.rounded(decimal(fields.get(billedAmountField), invoice.total()), currency));
        }
        return Money.sum(billed, currency);
    }

    /**
     * The currency of a deal's sums: its CRM Currency, or ISO 4217's "no currency" (XXX, two decimals) when CRM names
     * none or one Java does not know. Then Books bills in the organization's base currency, unknown here: every
     * invoice of the deal counts, as before a currency is known, and the currency step of the plan names the
     * problem of an unknown code.
     */
    public static Currency currencyOf(String code) {
        try {
            return code == null || code.isBlank() ? UNKNOWN : Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }

    private static final Currency UNKNOWN = Currency.getInstance("XXX");

    private static String shown(Money amount, Deal deal) {
        return amount.atCurrencyDigits().toPlainString() + (deal.currency() == null ? "" : " " + deal.currency());
    }

    private static BigDecimal decimal(String text, BigDecimal fallback) {
        try {
            return text == null || text.isBlank() ? fallback : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
