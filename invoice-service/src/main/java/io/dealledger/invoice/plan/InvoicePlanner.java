package io.dealledger.invoice.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.core.money.Money;
import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.books.CurrencyResolver;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * Plans an invoice request with reads only, in the push's order (docs/architecture.md §6): read the deal, route its
 * account by legal entity, find the request's invoice if Books already has it, check the deal, then resolve tax,
 * currency, customer and items. It never writes to Books or CRM; what it reads is cached, for the push and the
 * preview alike. Whatever a person must fix is a rejection in the plan; Zoho faults escape as exceptions.
 */
public final class InvoicePlanner {

    /** How far a plan goes past a failing step. */
    public enum Mode {
        /** The push's: stops at the first failing step (nothing more is read), and leaves a new customer to its upsert. */
        PUSH,
        /**
         * The preview's: goes through every step to name every reason at once, and looks up by name what the
         * customer upsert would find (one Books call the push does not spend).
         */
        PREVIEW
    }

    private final DealReader crm;
    private final OrganizationRouter router;
    private final TaxResolver taxes;
    private final CurrencyResolver currencies;
    private final CustomerResolver customers;
    private final ItemResolver items;
    private final BooksFields fields;
    private final List<String> allowedStages;
    private final Duration timeout;

    public InvoicePlanner(DealReader crm, OrganizationRouter router, TaxResolver taxes, CurrencyResolver currencies,
                          CustomerResolver customers, ItemResolver items, BooksFields fields,
                          List<String> allowedStages, Duration timeout) {
        this.crm = crm;
        this.router = router;
        this.taxes = taxes;
        this.currencies = currencies;
        this.customers = customers;
        this.items = items;
        this.fields = fields;
        this.allowedStages = List.copyOf(allowedStages);
        this.timeout = timeout;
    }

    /** The request's plan, reading Books through {@code books} (the caller's priority). */
    public InvoicePlan plan(InvoiceRequest request, BooksClient books, Mode mode) {
        Draft draft = new Draft(request, mode);
        Optional<DealReader.DealAndAccount> found = crm.dealAndAccount(request.dealId());
        if (found.isEmpty()) {
            draft.rejections.add(Rejection.dealNotFound(request.dealId()));
            return draft.plan();
        }
        draft.deal = found.get().deal();
        draft.account = found.get().account();
        if (draft.account == null) {
            draft.rejections.add(Rejection.dealWithoutAccount(draft.deal));
            return unrouted(draft);
        }
        Optional<String> organization = router.organizationOf(draft.account.legalEntity());
        if (organization.isEmpty()) {
            draft.rejections.add(router.unrouted(draft.account));
            return unrouted(draft);
        }
        draft.books = new OrgBooks(books, organization.get(), timeout, crm.accountFields());
        return routed(draft);
    }

    /** Without a Books organization: the deal's own checks and lines, nothing from Books. */
    private InvoicePlan unrouted(Draft draft) {
        draft.billing = billing(draft, Money.zero(Billing.currencyOf(draft.deal.currency())));
        return draft.plan();
    }

    private InvoicePlan routed(Draft draft) {
        Deal deal = draft.deal;
        Account account = draft.account;
        OrgBooks org = draft.books;
        InvoiceRequest request = draft.request;
        List<Invoice> dealInvoices = org.dealInvoices(deal.id(), fields.dealIdField());
        Optional<Invoice> existing = dealInvoices.stream().filter(i -> request.requestId().equals(requestIdOf(i)))
                .findFirst();
        if (existing.isPresent()) {
            draft.existing = existing.get();
            return draft.plan();
        }
        Optional<Invoice> superseding = dealInvoices.stream().filter(i -> !"void".equalsIgnoreCase(i.status()))
                .filter(i -> request.laterRequests().contains(requestIdOf(i))).findFirst();
        if (superseding.isPresent()) {
            draft.rejections.add(Rejection.replaySuperseded(request.stage(), superseding.get(), fields.requestIdField()));
            return draft.plan();
        }
        draft.alreadyInvoiced = Billing.alreadyInvoiced(dealInvoices, Billing.currencyOf(deal.currency()), fields.requestIdField(),
                request.requestId(), fields.billedAmountField());
        draft.billing = billing(draft, draft.alreadyInvoiced);
        return resolved(draft);
    }

    /** Tax, currency, customer and items in the org: each step read from the caches where they hold it. */
    private InvoicePlan resolved(Draft draft) {
        Deal deal = draft.deal;
        Account account = draft.account;
        OrgBooks org = draft.books;
        // the region costs no Books call: a deal refused for its own data or its address reads nothing more
        TaxResolver.Result region = taxes.region(account, org.organizationId());
        boolean located = !draft.failed(region.rejection());
        if (draft.stops()) {
            return draft.plan();
        }
        if (located) {
            TaxResolver.Result tax = taxes.resolve(org, account);
            draft.tax = tax.resolved();
            draft.failed(tax.rejection());
            if (draft.stops()) {
                return draft.plan();
            }
        }
        CurrencyResolver.Result currency = currencies.resolve(org, deal.currency());
        draft.currency = currency.resolved();
        draft.failed(currency.rejection());
        if (draft.stops()) {
            return draft.plan();
        }
        draft.customer = draft.mode == Mode.PREVIEW ? customers.foresee(org, account) : customers.plan(org, account);
        draft.failed(draft.customer.rejection());
        CustomerResolver.Known known = draft.customer.known();
        if (known != null) {
            draft.failed(InvoicePlan.currencyMismatch(deal, account, known.contactId(), known.currencyCode()));
        }
        if (draft.stops()) {
            return draft.plan();
        }
        draft.items = items.plan(org, draft.billing.products());
        return draft.plan();
    }

    private Billing billing(Draft draft, Money alreadyInvoiced) {
        InvoiceRequest request = draft.request;
        Billing billing = Billing.plan(draft.deal, request.stage(), request.stageCurrency(), allowedStages,
                alreadyInvoiced);
        draft.rejections.addAll(billing.rejections());
        return billing;
    }

    private String requestIdOf(Invoice invoice) {
        return invoice.customFields().get(fields.requestIdField());
    }

    /** The plan as it grows, step by step. */
    private static final class Draft {
        final InvoiceRequest request;
        final Mode mode;
        final List<Rejection> rejections = new ArrayList<>();
        Deal deal;
        Account account;
        OrgBooks books;
        Invoice existing;
        Money alreadyInvoiced;
        Billing billing;
        TaxResolver.Resolved tax;
        CurrencyResolver.Resolved currency;
        CustomerResolver.Planned customer;
        Map<String, ItemResolver.Match> items;

        Draft(InvoiceRequest request, Mode mode) {
            this.request = request;
            this.mode = mode;
        }

        /** Records the step's rejection, if any; true when there was one. */
        boolean failed(Rejection rejection) {
            if (rejection != null) {
                rejections.add(rejection);
            }
            return rejection != null;
        }

        /** Whether planning ends here: the push stops at the first failing step. */
        boolean stops() {
            return mode == Mode.PUSH && !rejections.isEmpty();
        }

        InvoicePlan plan() {
            return new InvoicePlan(request, deal, account, books, existing, alreadyInvoiced, billing, tax, currency,
                    customer, items, rejections);
        }
    }
}
