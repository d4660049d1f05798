package io.dealledger.invoice.preview;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.dealledger.core.money.Money;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.plan.BillingLine;
import io.dealledger.invoice.plan.InvoicePlan;
import io.dealledger.invoice.plan.InvoicePlanner;
import io.dealledger.invoice.plan.InvoiceRequest;
import io.dealledger.invoice.preview.InvoicePreview.Customer;
import io.dealledger.invoice.preview.InvoicePreview.Item;
import io.dealledger.invoice.preview.InvoicePreview.Line;
import io.dealledger.invoice.preview.InvoicePreview.LineTax;
import io.dealledger.invoice.preview.InvoicePreview.Reason;
import io.dealledger.invoice.preview.InvoicePreview.Totals;
import io.dealledger.invoice.sku.Sku;
import io.dealledger.invoice.stage.StageAmount;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.books.BooksClient;

/**
 * An invoice push without the writes: the push's own {@link InvoicePlan} (the same steps and caches), planned
 * past every failing step so it names every reason at once, and shown as the push would write it. It never
 * creates in Books, never writes to CRM and publishes nothing; what it reads is cached for the push.
 * Zoho faults escape as exceptions.
 */
public class InvoicePreviewer {

    /** Matches no invoice's request id, so every invoice of the deal counts as already invoiced. */
    private static final String NO_REQUEST = "invoice-preview";

    private final InvoicePlanner planner;
    private final BooksClient books;
    private final TaxResolver taxes;

    public InvoicePreviewer(InvoicePlanner planner, BooksClient books, TaxResolver taxes) {
        this.planner = planner;
        this.books = books;
        this.taxes = taxes;
    }

    public InvoicePreview preview(String dealId, PreviewBody body) {
        InvoicePlan plan = planner.plan(new InvoiceRequest(NO_REQUEST, dealId, body.stage(), body.stageCurrency(),
                Set.of()), books, InvoicePlanner.Mode.PREVIEW);
        Deal deal = plan.deal();
        List<Reason> reasons = reasons(plan.rejections());
        if (deal == null) {
            return new InvoicePreview(dealId, null, null, null, stage(body), false, null, null, List.of(), null,
                    null, reasons, 0);
        }
        Account account = plan.account();
        OrgBooks org = plan.books();
        Currency currency = plan.billing().amount().currency();
        TaxResolver.Resolved tax = plan.tax();
        String authorityName = tax == null ? null : taxes.authorityName(org, tax);
        List<Priced> priced = plan.billing().lines().stream().map(line -> priced(line, currency, tax)).toList();
        List<Line> lines = priced.stream().map(line -> line(line, plan.items(), org != null, tax, authorityName)).toList();
        InvoicePreview.Organization organization = org == null ? null
                : new InvoicePreview.Organization(org.organizationId(), account.legalEntity());
        return new InvoicePreview(deal.id(), deal.name(), account == null ? null : account.id(),
                account == null ? null : account.name(), stage(body), org != null && reasons.isEmpty(), organization,
                customer(plan.customer()), lines, tax(tax, authorityName),
                totals(deal, currency, priced, tax, plan.alreadyInvoiced()), reasons, org == null ? 0 : org.calls());
    }

    private static InvoicePreview.Tax tax(TaxResolver.Resolved resolved, String authorityName) {
        return resolved == null ? null : new InvoicePreview.Tax(resolved.region().key(), resolved.source(),
                resolved.tax() != null, resolved.taxId(), resolved.tax() == null ? null : resolved.tax().taxName(),
                resolved.tax() == null ? null : text(resolved.tax().taxPercentage()), resolved.taxAuthorityId(),
                authorityName);
    }

    /** A line's amount and tax as Books will compute them; {@code tax} null when the line is untaxed. */
    private record Priced(BillingLine line, Money amount, Money tax) {
    }

    private static Priced priced(BillingLine line, Currency currency, TaxResolver.Resolved tax) {
        Money amount = line.amount(currency);
        boolean taxed = line.taxable() && tax != null && tax.tax() != null;
        return new Priced(line, amount, taxed ? amount.percent(tax.tax().taxPercentage()) : null);
    }

    /** One line as the push would send it; {@code routed}: items are known (matched, else would be created). */
    private static Line line(Priced priced, Map<String, ItemResolver.Match> matches, boolean routed,
                             TaxResolver.Resolved tax, String authorityName) {
        BillingLine line = priced.line();
        Product product = line.product();
        InvoicePreview.Product crmProduct = product == null ? null : new InvoicePreview.Product(product.id(),
                product.name(), product.sku(), Sku.normalize(product.sku()));
        Item item = null;
        List<InvoicePreview.BooksItem> collisions = List.of();
        if (routed && product != null && product.hasSku()) {
            ItemResolver.Match match = matches.get(product.id());
            if (match == null) {
                item = new Item("CREATE", null, product.name(), product.sku().trim(), false);
            } else {
                item = new Item("USE", match.item().itemId(), match.item().name(), match.item().sku(),
                        !match.item().sku().equals(product.sku()));
                if (match.sameSku().size() > 1) {
                    collisions = match.sameSku().stream().map(i -> new InvoicePreview.BooksItem(i.itemId(), i.name(),
                            i.sku(), i.status())).toList();
                }
            }
        }
        LineTax lineTax = priced.tax() == null ? null : new LineTax(tax.taxId(), tax.tax().taxName(),
                text(tax.tax().taxPercentage()), text(priced.tax()), tax.taxAuthorityId(), authorityName);
        return new Line(line.name(), line.description(), text(line.quantity()), text(line.rate()), text(priced.amount()),
                crmProduct, item, collisions, lineTax);
    }

    /** The tax total is known once the region's tax is: zero when it is not taxed. */
    private static Totals totals(Deal deal, Currency currency, List<Priced> lines, TaxResolver.Resolved tax,
                                 Money alreadyInvoiced) {
        Money subTotal = Money.sum(lines.stream().map(Priced::amount).toList(), currency);
        Money taxTotal = tax == null ? null
                : Money.sum(lines.stream().map(Priced::tax).filter(Objects::nonNull).toList(), currency);
        Money value = deal.amount() == null ? null : Money.rounded(deal.amount(), currency);
        return new Totals(deal.currency(), text(subTotal), text(taxTotal),
                taxTotal == null ? null : text(subTotal.plus(taxTotal)), text(value), text(alreadyInvoiced),
                alreadyInvoiced == null || value == null ? null : text(value.minus(alreadyInvoiced)));
    }

    /** Unrouted, or refused by Books: null. */
    private static Customer customer(CustomerResolver.Planned planned) {
        if (planned == null) {
            return null;
        }
        if (planned.known() != null) {
            return new Customer("USE", planned.known().contactId(), planned.known().name(),
                    planned.known().matchedBy().name());
        }
        return planned.newName() == null ? null : new Customer("CREATE", null, planned.newName(), null);
    }

    private static InvoicePreview.Stage stage(PreviewBody body) {
        StageAmount stage = body.stage();
        if (stage instanceof StageAmount.Percentage percentage) {
            return new InvoicePreview.Stage(percentage.label(), text(percentage.percent().stripTrailingZeros()), null, null);
        }
        if (stage instanceof StageAmount.Fixed fixed) {
            return new InvoicePreview.Stage(fixed.label(), null, text(fixed.amount().stripTrailingZeros()),
                    body.stageCurrency());
        }
        return null;
    }

    private static List<Reason> reasons(List<Rejection> rejections) {
        return rejections.stream().map(r -> new Reason(r.code().name(), r.category().name(), r.category().label(),
                r.field(), r.message())).toList();
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** An amount as the currency writes it (3000.00 USD, 3000 JPY). */
    private static String text(Money amount) {
        return amount == null ? null : amount.atCurrencyDigits().toPlainString();
    }
}
