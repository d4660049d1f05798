package io.dealledger.invoice.preview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.books.CurrencyResolver;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.preview.InvoicePreview.Customer;
import io.dealledger.invoice.preview.InvoicePreview.Item;
import io.dealledger.invoice.preview.InvoicePreview.Line;
import io.dealledger.invoice.preview.InvoicePreview.LineTax;
import io.dealledger.invoice.preview.InvoicePreview.Reason;
import io.dealledger.invoice.preview.InvoicePreview.Totals;
import io.dealledger.invoice.push.Billing;
import io.dealledger.invoice.push.BillingLine;
import io.dealledger.invoice.push.InvoicePusher;
import io.dealledger.invoice.push.PushProperties;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.sku.Sku;
import io.dealledger.invoice.stage.StageAmount;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * An invoice push without the writes: the same steps and caches as {@link io.dealledger.invoice.push.InvoicePusher}
 * (deal, route, the deal's invoices, checks, tax, customer, items), but where the push stops at the first
 * failing step, the preview keeps resolving whatever it can, so it names every reason at once. It never
 * creates in Books, never writes to CRM and publishes nothing; what it reads is cached for the push.
 * Zoho faults escape as exceptions.
 */
public class InvoicePreviewer {

    /** Matches no invoice's request id, so every invoice of the deal counts as already invoiced. */
    private static final String NO_REQUEST = "invoice-preview";

    private final DealReader crm;
    private final OrganizationRouter router;
    private final BooksClient books;
    private final TaxResolver taxes;
    private final CurrencyResolver currencies;
    private final CustomerResolver customers;
    private final ItemResolver items;
    private final PushProperties properties;
    private final BooksFields fields;
    private final Duration timeout;

    public InvoicePreviewer(DealReader crm, OrganizationRouter router, BooksClient books, TaxResolver taxes,
                            CurrencyResolver currencies, CustomerResolver customers, ItemResolver items,
                            PushProperties properties, BooksFields fields, Duration timeout) {
        this.crm = crm;
        this.router = router;
        this.books = books;
        this.taxes = taxes;
        this.currencies = currencies;
        this.customers = customers;
        this.items = items;
        this.properties = properties;
        this.fields = fields;
        this.timeout = timeout;
    }

    public InvoicePreview preview(String dealId, PreviewBody body) {
        Optional<Deal> found = crm.deal(dealId);
        if (found.isEmpty()) {
            return new InvoicePreview(dealId, null, null, null, stage(body), false, null, null, List.of(), null,
                    null, reasons(List.of(Rejection.dealNotFound(dealId))), 0);
        }
        Deal deal = found.get();
        List<Rejection> reasons = new ArrayList<>();
        Optional<Account> account = deal.accountId() == null ? Optional.empty() : crm.account(deal.accountId());
        if (account.isEmpty()) {
            reasons.add(Rejection.dealWithoutAccount(deal));
            return unrouted(deal, null, body, reasons);
        }
        Optional<String> organization = router.organizationOf(account.get().legalEntity());
        if (organization.isEmpty()) {
            reasons.add(router.unrouted(account.get()));
            return unrouted(deal, account.get(), body, reasons);
        }
        return routed(deal, account.get(), body, new OrgBooks(books, organization.get(), timeout), reasons);
    }

    /** Without a Books organization: the deal's own checks and lines, nothing from Books. */
    private InvoicePreview unrouted(Deal deal, Account account, PreviewBody body, List<Rejection> reasons) {
        Billing billing = plan(deal, body, BigDecimal.ZERO);
        reasons.addAll(billing.rejections());
        int digits = Billing.fractionDigits(deal.currency());
        List<Line> lines = billing.lines().stream().map(line -> line(line, digits, Map.of(), false, null, null))
                .toList();
        return new InvoicePreview(deal.id(), deal.name(), account == null ? null : account.id(),
                account == null ? null : account.name(), stage(body), false, null, null, lines, null,
                totals(deal, lines, null, null, digits), reasons(reasons), 0);
    }

    private InvoicePreview routed(Deal deal, Account account, PreviewBody body, OrgBooks org, List<Rejection> reasons) {
        List<Invoice> dealInvoices = org.dealInvoices(deal.id(), fields.dealIdField());
        BigDecimal alreadyInvoiced = Billing.alreadyInvoiced(dealInvoices, deal.currency(), fields.requestIdField(),
                NO_REQUEST, fields.billedAmountField());
        Billing billing = plan(deal, body, alreadyInvoiced);
        reasons.addAll(billing.rejections());
        TaxResolver.Result tax = taxes.resolve(org, account);
        if (tax.rejection() != null) {
            reasons.add(tax.rejection());
        }
        CurrencyResolver.Result currency = currencies.resolve(org, deal.currency());
        if (currency.rejection() != null) {
            reasons.add(currency.rejection());
        }
        CustomerResolver.Preview customer = customers.preview(org, account);
        if (customer.rejection() != null) {
            reasons.add(customer.rejection());
        }
        if (customer.known() != null) {
            Rejection otherCurrency = InvoicePusher.currencyMismatch(deal, account, new CustomerResolver.Result(
                    customer.known().contactId(), customer.known().currencyCode(), null));
            if (otherCurrency != null) {
                reasons.add(otherCurrency);
            }
        }
        Map<String, Product> products = new LinkedHashMap<>();
        billing.lines().stream().filter(l -> l.product() != null).forEach(l -> products.putIfAbsent(l.product().id(), l.product()));
        Map<String, ItemResolver.Match> matches = items.preview(org, List.copyOf(products.values()));
        int digits = Billing.fractionDigits(deal.currency());
        TaxResolver.Resolved resolved = tax.resolved();
        String authorityName = resolved == null ? null : taxes.authorityName(org, resolved);
        List<Line> lines = billing.lines().stream().map(line -> line(line, digits, matches, true, resolved,
                authorityName)).toList();
        InvoicePreview.Tax invoiceTax = resolved == null ? null : new InvoicePreview.Tax(resolved.region().key(),
                resolved.source(), resolved.tax() != null, resolved.taxId(),
                resolved.tax() == null ? null : resolved.tax().taxName(),
                resolved.tax() == null ? null : text(resolved.tax().taxPercentage()), resolved.taxAuthorityId(),
                authorityName);
        return new InvoicePreview(deal.id(), deal.name(), account.id(), account.name(), stage(body), reasons.isEmpty(),
                new InvoicePreview.Organization(org.organizationId(), account.legalEntity()), customer(customer), lines,
                invoiceTax, totals(deal, lines, resolved, alreadyInvoiced, digits), reasons(reasons), org.calls());
    }

    private Billing plan(Deal deal, PreviewBody body, BigDecimal alreadyInvoiced) {
        return Billing.plan(deal, body.stage(), body.stageCurrency(), properties.allowedStages(), alreadyInvoiced);
    }

    /** One line as the push would send it; {@code routed}: items are known (matched, else would be created). */
    private static Line line(BillingLine line, int digits, Map<String, ItemResolver.Match> matches, boolean routed,
                             TaxResolver.Resolved tax, String authorityName) {
        BigDecimal amount = line.amount().setScale(digits, RoundingMode.HALF_UP);
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
        LineTax lineTax = null;
        if (line.taxable() && tax != null && tax.tax() != null) {
            BigDecimal percentage = tax.tax().taxPercentage();
            lineTax = new LineTax(tax.taxId(), tax.tax().taxName(), text(percentage), text(taxOf(amount, percentage, digits)),
                    tax.taxAuthorityId(), authorityName);
        }
        return new Line(line.name(), line.description(), text(line.quantity()), text(line.rate()), text(amount),
                crmProduct, item, collisions, lineTax);
    }

    private static BigDecimal taxOf(BigDecimal amount, BigDecimal percentage, int digits) {
        return amount.multiply(percentage).divide(BigDecimal.valueOf(100), digits, RoundingMode.HALF_UP);
    }

    /** The tax total is known once the region's tax is: zero when it is not taxed. */
    private static Totals totals(Deal deal, List<Line> lines, TaxResolver.Resolved tax, BigDecimal alreadyInvoiced,
                                 int digits) {
        BigDecimal subTotal = lines.stream().map(l -> new BigDecimal(l.amount()))
                .reduce(BigDecimal.ZERO.setScale(digits), BigDecimal::add);
        BigDecimal taxTotal = tax == null ? null : lines.stream().filter(l -> l.tax() != null)
                .map(l -> new BigDecimal(l.tax().amount())).reduce(BigDecimal.ZERO.setScale(digits), BigDecimal::add);
        BigDecimal value = deal.amount() == null ? null : deal.amount().setScale(digits, RoundingMode.HALF_UP);
        BigDecimal invoiced = alreadyInvoiced == null ? null : alreadyInvoiced.setScale(digits, RoundingMode.HALF_UP);
        return new Totals(deal.currency(), text(subTotal), text(taxTotal),
                taxTotal == null ? null : text(subTotal.add(taxTotal)), text(value), text(invoiced),
                invoiced == null || value == null ? null : text(value.subtract(invoiced)));
    }

    private static Customer customer(CustomerResolver.Preview preview) {
        if (preview.known() != null) {
            return new Customer("USE", preview.known().contactId(), preview.known().name(),
                    preview.known().matchedBy().name());
        }
        return preview.newName() == null ? null : new Customer("CREATE", null, preview.newName(), null);
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
}
