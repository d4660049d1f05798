package io.dealledger.invoice.push;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.invoice.crm.BooksIdsInCrm;
import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.outcome.BooksRejections;
import io.dealledger.invoice.outcome.Outcome;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.plan.BillingLine;
import io.dealledger.invoice.plan.InvoicePlan;
import io.dealledger.invoice.plan.InvoicePlanner;
import io.dealledger.invoice.plan.InvoiceRequest;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRequests.LineItem;
import io.dealledger.zoho.books.BooksRequests.NewInvoice;
import io.dealledger.zoho.http.ZohoApiException;

/**
 * The invoice push of docs/architecture.md §6: the request's {@link InvoicePlan} (read-only, stopping at the first
 * failing step), then its writes: the customer and items it lacks, the Books ids back to CRM, and the invoice,
 * upserted keyed by the request id in the deal's currency at Books' exchange rate. A plan that found the request's
 * invoice already in Books is answered with it, so a redelivery never makes a second one. Whatever a person must fix
 * is a rejection; Zoho faults escape as exceptions so the listener retries or dead-letters.
 */
public class InvoicePusher {

    private final InvoicePlanner planner;
    private final BooksClient books;
    private final CustomerResolver customers;
    private final ItemResolver items;
    private final DealReader crm;
    private final BooksIdsInCrm booksIds;
    private final PushProperties properties;
    private final BooksFields fields;
    private final Clock clock;

    public InvoicePusher(InvoicePlanner planner, BooksClient books, CustomerResolver customers, ItemResolver items,
                         DealReader crm, BooksIdsInCrm booksIds, PushProperties properties, BooksFields fields,
                         Clock clock) {
        this.planner = planner;
        this.books = books;
        this.customers = customers;
        this.items = items;
        this.crm = crm;
        this.booksIds = booksIds;
        this.properties = properties;
        this.fields = fields;
        this.clock = clock;
    }

    public Outcome push(InvoiceRequest request) {
        InvoicePlan plan = planner.plan(request, books, InvoicePlanner.Mode.PUSH);
        if (plan.existing() != null) {
            return issued(plan, markSent(plan.books(), plan.existing()));
        }
        if (plan.rejected()) {
            return reject(plan, plan.rejections());
        }
        return execute(plan);
    }

    private Outcome execute(InvoicePlan plan) {
        OrgBooks org = plan.books();
        CustomerResolver.Known known = plan.customer().known();
        String customerId = known == null ? null : known.contactId();
        if (customerId == null) {
            Deal deal = plan.deal();
            CustomerResolver.Result created = customers.create(org, plan.account(), plan.currency().currencyId(),
                    () -> deal.contactId() == null ? null : crm.contactPerson(deal.contactId()).orElse(null));
            Rejection refused = created.rejection() != null ? created.rejection()
                    : InvoicePlan.currencyMismatch(deal, plan.account(), created.customerId(), created.currencyCode());
            if (refused != null) {
                return reject(plan, List.of(refused));
            }
            customerId = created.customerId();
        }
        ItemResolver.Result created = items.create(org, plan.itemsToCreate());
        Map<String, String> itemIds = new LinkedHashMap<>(plan.matchedItemIds());
        itemIds.putAll(created.itemIdByProduct());
        booksIds.write(plan.account(), customerId, plan.billing().products(), itemIds);
        if (!created.rejections().isEmpty()) {
            return reject(plan, created.rejections());
        }
        try {
            Invoice invoice = org.upsertInvoice(fields.requestIdField(), plan.request().requestId(),
                    invoice(plan, customerId, itemIds));
            return issued(plan, markSent(org, invoice));
        } catch (ZohoApiException e) {
            if (!OrgBooks.isValidation(e)) {
                throw e;
            }
            return reject(plan, List.of(BooksRejections.of(e, "the invoice for deal '" + plan.deal().reference() + "'")));
        }
    }

    private NewInvoice invoice(InvoicePlan plan, String customerId, Map<String, String> itemIds) {
        Deal deal = plan.deal();
        String taxId = plan.tax().taxId();
        List<LineItem> lines = new ArrayList<>();
        for (BillingLine line : plan.billing().lines()) {
            String itemId = line.product() == null ? null : itemIds.get(line.product().id());
            lines.add(new LineItem(itemId, line.name(), line.description(), line.rate(), line.quantity(),
                    line.taxable() ? taxId : null));
        }
        LocalDate today = LocalDate.now(clock);
        return new NewInvoice(customerId, deal.reference(), today, today.plusDays(properties.paymentTermsDays()),
                plan.currency().currencyId(), plan.currency().exchangeRate(), deal.id(),
                taxId == null ? null : plan.tax().taxAuthorityId(), "Deal " + deal.reference() + " (CRM " + deal.id() + ")",
                lines, Map.of(fields.requestIdField(), plan.request().requestId(), fields.dealIdField(), deal.id(),
                        fields.billedAmountField(), plan.billing().amount().atCurrencyDigits().toPlainString()));
    }

    private Invoice markSent(OrgBooks org, Invoice invoice) {
        if (properties.markSent() && "draft".equalsIgnoreCase(invoice.status())) {
            org.markSent(invoice.invoiceId());
        }
        return invoice;
    }

    private static Outcome issued(InvoicePlan plan, Invoice invoice) {
        Deal deal = plan.deal();
        return new Outcome.Issued(plan.request().requestId(), deal.id(), plan.organizationId(), invoice.invoiceId(),
                invoice.invoiceNumber(), invoice.customerId(), invoice.total(), invoice.currencyCode() == null
                ? deal.currency() : invoice.currencyCode(), invoice.date(), invoice.dueDate(), invoice.invoiceUrl(),
                plan.request().stage().label(), deal.amount(), deal.currency(), plan.books().calls(), invoice.subTotal(),
                deal.accountId());
    }

    private static Outcome reject(InvoicePlan plan, List<Rejection> reasons) {
        return new Outcome.Rejected(plan.request().requestId(), plan.request().dealId(), plan.organizationId(), reasons);
    }
}
