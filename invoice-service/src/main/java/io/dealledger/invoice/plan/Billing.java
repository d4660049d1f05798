package io.dealledger.invoice.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.DealLine;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.stage.StageAmount;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * What one request bills, worked out from the deal alone (no Zoho): the lines, the amount before tax,
 * and every reason the deal cannot be invoiced as asked. Amounts never mix currencies.
 *
 * @param lines      the whole deal's product lines, a single service line for a deal without lines, or one
 *                   line for a billing stage ("Deposit 30% of Globex - Robot cell")
 * @param amount     the total before tax, in the deal's currency, at its minor unit
 * @param stageLabel the billing stage's label, or null for the whole deal
 * @param rejections empty when the deal can be invoiced
 */
public record Billing(List<BillingLine> lines, BigDecimal amount, String stageLabel, List<Rejection> rejections) {

    public static Billing plan(Deal deal, StageAmount stage, String stageCurrency, List<String> allowedStages,
                               BigDecimal alreadyInvoiced) {
        List<Rejection> rejections = new ArrayList<>();
        if (allowedStages.stream().noneMatch(s -> s.equalsIgnoreCase(String.valueOf(deal.stage())))) {
            rejections.add(Rejection.of(Rejection.Code.STAGE_NOT_ALLOWED, "Stage", "deal '" + deal.reference()
                    + "' is at stage '" + deal.stage() + "'; invoices are pushed only at " + allowedStages));
        }
        BigDecimal value = deal.amount();
        if (value == null || value.signum() <= 0) {
            rejections.add(Rejection.of(Rejection.Code.AMOUNT_NOT_POSITIVE, "Amount", "deal '" + deal.reference()
                    + "' has amount " + value + ": set a positive Amount"));
            value = BigDecimal.ZERO;
        }
        if (deal.linesUnreadable() != null) {
            rejections.add(Rejection.of(Rejection.Code.DEAL_PRODUCTS_UNREADABLE, "Products", deal.linesUnreadable()
                    + ": the deal's products cannot be billed, so it is not invoiced as one line for its amount;"
                    + " fill in its line items, or fix its Products related list"));
        }
        int digits = fractionDigits(deal.currency());
        List<BillingLine> lines = new ArrayList<>();
        BigDecimal amount;
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
                lines.add(new BillingLine(null, deal.reference(), null, BigDecimal.ONE, value, true));
            }
            amount = lines.stream().map(BillingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(digits, RoundingMode.HALF_UP);
        } else {
            if (stageCurrency != null && deal.currency() != null && !stageCurrency.equalsIgnoreCase(deal.currency())) {
                rejections.add(Rejection.of(Rejection.Code.STAGE_CURRENCY_MISMATCH, "stage.currency", "the stage '"
                        + stage.label() + "' is in " + stageCurrency + " but deal '" + deal.reference() + "' is in "
                        + deal.currency() + ": ask again in " + deal.currency()));
            }
            amount = stage.of(value, digits);
            lines.add(new BillingLine(null, stage.label() + " of " + deal.reference(), null, BigDecimal.ONE, amount, true));
        }
        if (amount.signum() <= 0 && value.signum() > 0) {
            rejections.add(Rejection.of(Rejection.Code.AMOUNT_NOT_POSITIVE, stage.label() == null ? "Amount" : "stage",
                    "the invoice for deal '" + deal.reference() + "' would bill " + amount + " " + deal.currency()
                            + ": only a positive amount can be invoiced"));
        }
        BigDecimal uninvoiced = value.subtract(alreadyInvoiced);
        if (value.signum() > 0 && amount.compareTo(uninvoiced) > 0) {
            rejections.add(Rejection.of(Rejection.Code.STAGE_EXCEEDS_UNINVOICED, stage.label() == null ? "Amount" : "stage",
                    "this invoice would bill " + amount + " " + deal.currency() + " but only " + uninvoiced.max(BigDecimal.ZERO)
                            + " of deal '" + deal.reference() + "' (" + value + ") is not yet invoiced (" + alreadyInvoiced
                            + " already invoiced in Books): ask for a smaller stage or raise the deal's Amount"));
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
     * What Books already bills for the deal before tax: every non-void invoice in the deal's currency except
     * the one of this request (a reprocessed request must not count against itself). Invoices dealledger
     * created carry their pre-tax amount; others count with their total.
     */
    public static BigDecimal alreadyInvoiced(List<Invoice> invoices, String currency, String requestIdField,
                                             String requestId, String billedAmountField) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Invoice invoice : invoices) {
            Map<String, String> fields = invoice.customFields();
            if ("void".equalsIgnoreCase(invoice.status()) || requestId.equals(fields.get(requestIdField))
                    || (invoice.currencyCode() != null && currency != null && !invoice.currencyCode().equalsIgnoreCase(currency))) {
                continue;
            }
            sum = sum.add(decimal(fields.get(billedAmountField), invoice.total()));
        }
        return sum;
    }

    public static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (RuntimeException unknownOrMissing) {
            return 2;
        }
    }

    private static BigDecimal decimal(String text, BigDecimal fallback) {
        try {
            return text == null || text.isBlank() ? fallback : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
