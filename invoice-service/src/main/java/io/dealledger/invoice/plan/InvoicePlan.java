package io.dealledger.invoice.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.core.money.Money;
import io.dealledger.invoice.books.CurrencyResolver;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.Product;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * What an invoice request would write to Books, worked out by {@link InvoicePlanner} with reads only: the push
 * executes it (creates what it says is missing, then the invoice), the preview shows it. A part planning did not
 * get to (no deal, no account, no organization, a step that failed) is null, and {@code rejections} says why.
 *
 * @param request         what was asked
 * @param deal            the CRM deal, null when CRM has none
 * @param account         its account, null when it has none
 * @param books           the Books organization the account routes to, and the conversation the plan's reads
 *                        were made in (the push writes in it too, so one invoice's calls count together); null
 *                        when unrouted
 * @param existing        the request's own invoice, already in Books (a redelivery, a replay, a crash after
 *                        creation): the push answers with it and plans nothing more
 * @param alreadyInvoiced what Books already bills for the deal before tax; null when unrouted
 * @param billing         the lines and amount the invoice bills; null without a deal
 * @param tax             the tax of the account's billing region in the org
 * @param currency        the deal's currency as Books knows it in the org
 * @param customer        the Books customer to bill: known, or one to create
 * @param items           product id → the Books item it matches; a product with a SKU and no entry gets a new item
 * @param rejections      every reason the invoice cannot be made, in push order; empty: it can
 */
public record InvoicePlan(InvoiceRequest request, Deal deal, Account account, OrgBooks books, Invoice existing,
                          Money alreadyInvoiced, Billing billing, TaxResolver.Resolved tax,
                          CurrencyResolver.Resolved currency, CustomerResolver.Planned customer,
                          Map<String, ItemResolver.Match> items, List<Rejection> rejections) {

    public InvoicePlan {
        items = items == null ? Map.of() : Map.copyOf(items);
        rejections = List.copyOf(rejections);
    }

    /** The Books organization, when routing got that far. */
    public String organizationId() {
        return books == null ? null : books.organizationId();
    }

    public boolean rejected() {
        return !rejections.isEmpty();
    }

    /** The products whose Books item is to be created: they have a SKU and match no item. */
    public List<Product> itemsToCreate() {
        return billing.products().stream().filter(p -> p.hasSku() && !items.containsKey(p.id())).toList();
    }

    /** Product id → the matched Books item's id. */
    public Map<String, String> matchedItemIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        items.forEach((productId, match) -> ids.put(productId, match.item().itemId()));
        return ids;
    }

    /** Books bills a customer in its own currency only: a deal in another one would land in the customer's. */
    public static Rejection currencyMismatch(Deal deal, Account account, String customerId, String customerCurrency) {
        if (customerCurrency == null || deal.currency() == null || customerCurrency.equalsIgnoreCase(deal.currency())) {
            return null;
        }
        return Rejection.of(Rejection.Code.CUSTOMER_CURRENCY_MISMATCH, "Currency", "deal '" + deal.reference()
                + "' is in " + deal.currency() + " but the Books customer " + customerId + " of account '"
                + account.name() + "' is billed in " + customerCurrency + ", and Books invoices a customer in"
                + " its own currency only: bill the deal in " + customerCurrency
                + " or give the account a Books customer in " + deal.currency());
    }
}
