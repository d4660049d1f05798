package io.dealledger.invoice.push;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import io.dealledger.invoice.crm.BooksIdsInCrm;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.BooksRejections;
import io.dealledger.invoice.outcome.Outcome;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRequests.LineItem;
import io.dealledger.zoho.books.BooksRequests.NewInvoice;
import io.dealledger.zoho.http.ZohoApiException;

/**
 * The invoice push of docs/architecture.md §6, in order: read the deal, route by legal entity, find the request's
 * invoice if it already exists (a redelivery or a crash after creation), check the deal, resolve tax,
 * currency, customer and items, then upsert the invoice keyed by the request id, in the deal's currency at
 * Books' exchange rate. Whatever a person must fix is
 * collected into one rejection; Zoho faults escape as exceptions so the listener retries or dead-letters.
 */
public class InvoicePusher {

    private final DealReader crm;
    private final BooksIdsInCrm booksIds;
    private final OrganizationRouter router;
    private final BooksClient books;
    private final TaxResolver taxes;
    private final CurrencyResolver currencies;
    private final CustomerResolver customers;
    private final ItemResolver items;
    private final PushProperties properties;
    private final BooksFields fields;
    private final Clock clock;
    private final Duration timeout;

    public InvoicePusher(DealReader crm, BooksIdsInCrm booksIds, OrganizationRouter router, BooksClient books,
                         TaxResolver taxes, CurrencyResolver currencies, CustomerResolver customers,
                         ItemResolver items, PushProperties properties, BooksFields fields, Clock clock,
                         Duration timeout) {
        this.crm = crm;
        this.booksIds = booksIds;
        this.router = router;
        this.books = books;
        this.taxes = taxes;
        this.currencies = currencies;
        this.customers = customers;
        this.items = items;
        this.properties = properties;
        this.fields = fields;
        this.clock = clock;
        this.timeout = timeout;
    }

    public Outcome push(InvoiceRequest request) {
        Optional<Deal> found = crm.deal(request.dealId());
        if (found.isEmpty()) {
            return reject(request, null, List.of(Rejection.dealNotFound(request.dealId())));
        }
        Deal deal = found.get();
        Optional<Account> account = deal.accountId() == null ? Optional.empty() : crm.account(deal.accountId());
        if (account.isEmpty()) {
            List<Rejection> reasons = new ArrayList<>();
            reasons.add(Rejection.dealWithoutAccount(deal));
            reasons.addAll(plan(deal, request, BigDecimal.ZERO).rejections());
            return reject(request, null, reasons);
        }
        Optional<String> organization = router.organizationOf(account.get().legalEntity());
        if (organization.isEmpty()) {
            List<Rejection> reasons = new ArrayList<>();
            reasons.add(router.unrouted(account.get()));
            reasons.addAll(plan(deal, request, BigDecimal.ZERO).rejections());
            return reject(request, null, reasons);
        }
        return push(request, deal, account.get(), new OrgBooks(books, organization.get(), timeout));
    }

    private Outcome push(InvoiceRequest request, Deal deal, Account account, OrgBooks org) {
        List<Invoice> dealInvoices = org.dealInvoices(deal.id(), fields.dealIdField());
        Optional<Invoice> existing = dealInvoices.stream()
                .filter(i -> request.requestId().equals(i.customFields().get(fields.requestIdField()))).findFirst();
        if (existing.isPresent()) {
            return issued(request, deal, org, markSent(org, existing.get()));
        }
        Optional<Invoice> superseding = dealInvoices.stream().filter(i -> !"void".equalsIgnoreCase(i.status()))
                .filter(i -> request.laterRequests().contains(i.customFields().get(fields.requestIdField())))
                .findFirst();
        if (superseding.isPresent()) {
            return reject(request, org.organizationId(), List.of(Rejection.replaySuperseded(request.stage(),
                    superseding.get(), fields.requestIdField())));
        }
        Billing billing = plan(deal, request, Billing.alreadyInvoiced(dealInvoices, deal.currency(),
                fields.requestIdField(), request.requestId(), fields.billedAmountField()));
        List<Rejection> reasons = new ArrayList<>(billing.rejections());
        TaxResolver.Result region = taxes.region(account, org.organizationId());
        if (region.rejection() != null) {
            reasons.add(region.rejection());
        }
        if (!reasons.isEmpty()) {
            return reject(request, org.organizationId(), reasons);
        }
        TaxResolver.Result tax = taxes.resolve(org, account);
        if (tax.rejection() != null) {
            return reject(request, org.organizationId(), List.of(tax.rejection()));
        }
        CurrencyResolver.Result currency = currencies.resolve(org, deal.currency());
        if (currency.rejection() != null) {
            return reject(request, org.organizationId(), List.of(currency.rejection()));
        }
        CustomerResolver.Result customer = customers.resolve(org, account, currency.resolved().currencyId(),
                () -> deal.contactId() == null ? null : crm.contactPerson(deal.contactId()).orElse(null));
        if (customer.rejection() != null) {
            return reject(request, org.organizationId(), List.of(customer.rejection()));
        }
        Rejection otherCurrency = currencyMismatch(deal, account, customer);
        if (otherCurrency != null) {
            return reject(request, org.organizationId(), List.of(otherCurrency));
        }
        Map<String, Product> products = new LinkedHashMap<>();
        billing.lines().stream().filter(l -> l.product() != null).forEach(l -> products.putIfAbsent(l.product().id(), l.product()));
        ItemResolver.Result itemIds = items.resolve(org, List.copyOf(products.values()));
        booksIds.write(account, customer.customerId(), products.values(), itemIds.itemIdByProduct());
        if (!itemIds.rejections().isEmpty()) {
            return reject(request, org.organizationId(), itemIds.rejections());
        }
        NewInvoice invoice = invoice(request, deal, billing, customer.customerId(), tax.resolved(), currency.resolved(),
                itemIds.itemIdByProduct());
        try {
            Invoice created = org.upsertInvoice(fields.requestIdField(), request.requestId(), invoice);
            return issued(request, deal, org, markSent(org, created));
        } catch (ZohoApiException e) {
            if (!OrgBooks.isValidation(e)) {
                throw e;
            }
            return reject(request, org.organizationId(), List.of(BooksRejections.of(e, "the invoice for deal '"
                    + deal.reference() + "'")));
        }
    }

    private Billing plan(Deal deal, InvoiceRequest request, BigDecimal alreadyInvoiced) {
        return Billing.plan(deal, request.stage(), request.stageCurrency(), properties.allowedStages(), alreadyInvoiced);
    }

    /** Books bills a customer in its own currency only: a deal in another one would land in the customer's. */
    public static Rejection currencyMismatch(Deal deal, Account account, CustomerResolver.Result customer) {
        if (customer.currencyCode() == null || deal.currency() == null
                || customer.currencyCode().equalsIgnoreCase(deal.currency())) {
            return null;
        }
        return Rejection.of(Rejection.Code.CUSTOMER_CURRENCY_MISMATCH, "Currency", "deal '" + deal.reference()
                + "' is in " + deal.currency() + " but the Books customer " + customer.customerId() + " of account '"
                + account.name() + "' is billed in " + customer.currencyCode() + ", and Books invoices a customer in"
                + " its own currency only: bill the deal in " + customer.currencyCode()
                + " or give the account a Books customer in " + deal.currency());
    }

    private NewInvoice invoice(InvoiceRequest request, Deal deal, Billing billing, String customerId,
                               TaxResolver.Resolved tax, CurrencyResolver.Resolved currency,
                               Map<String, String> itemIds) {
        List<LineItem> lines = new ArrayList<>();
        for (BillingLine line : billing.lines()) {
            String itemId = line.product() == null ? null : itemIds.get(line.product().id());
            lines.add(new LineItem(itemId, line.name(), line.description(), line.rate(), line.quantity(),
                    line.taxable() ? tax.taxId() : null));
        }
        LocalDate today = LocalDate.now(clock);
        return new NewInvoice(customerId, deal.reference(), today, today.plusDays(properties.paymentTermsDays()),
                currency.currencyId(), currency.exchangeRate(), deal.id(), tax.taxId() == null ? null : tax.taxAuthorityId(),
                "Deal " + deal.reference() + " (CRM " + deal.id() + ")", lines,
                Map.of(fields.requestIdField(), request.requestId(), fields.dealIdField(), deal.id(),
                        fields.billedAmountField(), billing.amount().toPlainString()));
    }

    private Invoice markSent(OrgBooks org, Invoice invoice) {
        if (properties.markSent() && "draft".equalsIgnoreCase(invoice.status())) {
            org.markSent(invoice.invoiceId());
        }
        return invoice;
    }

    private static Outcome issued(InvoiceRequest request, Deal deal, OrgBooks org, Invoice invoice) {
        return new Outcome.Issued(request.requestId(), deal.id(), org.organizationId(), invoice.invoiceId(),
                invoice.invoiceNumber(), invoice.customerId(), invoice.total(), invoice.currencyCode() == null
                ? deal.currency() : invoice.currencyCode(), invoice.date(), invoice.dueDate(), invoice.invoiceUrl(),
                request.stage().label(), deal.amount(), deal.currency(), org.calls(), invoice.subTotal(), deal.accountId());
    }

    private static Outcome reject(InvoiceRequest request, String organizationId, List<Rejection> reasons) {
        return new Outcome.Rejected(request.requestId(), request.dealId(), organizationId, reasons);
    }
}
