package io.dealledger.zoho.books;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRecords.CreditApplication;
import io.dealledger.zoho.books.BooksRecords.CreditNote;
import io.dealledger.zoho.books.BooksRecords.CreditRefund;
import io.dealledger.zoho.books.BooksRecords.Currency;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.Item;
import io.dealledger.zoho.books.BooksRecords.Organization;
import io.dealledger.zoho.books.BooksRecords.Payment;
import io.dealledger.zoho.books.BooksRecords.Tax;
import io.dealledger.zoho.books.BooksRecords.TaxAuthority;
import io.dealledger.zoho.books.BooksRecords.Webhook;
import io.dealledger.zoho.books.BooksRequests.NewContact;
import io.dealledger.zoho.books.BooksRequests.NewInvoice;
import io.dealledger.zoho.books.BooksRequests.NewItem;
import io.dealledger.zoho.http.ZohoExchange;
import io.dealledger.zoho.http.ZohoRequest;
import io.dealledger.zoho.http.ZohoService;
import io.dealledger.zoho.limits.BooksBudgets;
import io.dealledger.zoho.limits.BooksOrgBudget;
import io.dealledger.zoho.limits.OrgProfile;
import io.dealledger.zoho.limits.Priority;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zoho Books v3 for what dealledger needs. Every call names its organization and passes that org's
 * budget ({@link BooksBudgets}: this service's share of the org's per-minute, in-flight and daily limits)
 * at this client's {@link Priority}; lists are read across every page ({@code has_more_page}).
 */
public class BooksClient {

    static final int PER_PAGE = 200;

    private final ZohoExchange exchange;
    private final JsonMapper json;
    private final String baseUrl;
    private final BooksBudgets budgets;
    private final Priority priority;

    public BooksClient(ZohoSettings settings, ZohoExchange exchange, JsonMapper json, BooksBudgets budgets) {
        this(exchange, json, settings.apiUrl() + "/books/v3", budgets, Priority.HIGH);
        budgets.profilesFrom(() -> organizations().collectMap(Organization::organizationId,
                org -> OrgProfile.of(org.timeZone(), org.planName()), HashMap::new));
    }

    private BooksClient(ZohoExchange exchange, JsonMapper json, String baseUrl, BooksBudgets budgets,
                        Priority priority) {
        this.exchange = exchange;
        this.json = json;
        this.baseUrl = baseUrl;
        this.budgets = budgets;
        this.priority = priority;
    }

    /**
     * The same client whose calls queue at {@code priority}: {@link Priority#LOW} for what can wait (the poller,
     * candidates, previews, reconciliation, backfills), so invoice pushes and webhooks go first.
     */
    public BooksClient at(Priority priority) {
        return priority == this.priority ? this : new BooksClient(exchange, json, baseUrl, budgets, priority);
    }

    public Priority priority() {
        return priority;
    }

    /** What the organization's budget says now: limits, today's use, when its day turns. */
    public BooksOrgBudget budget(String organizationId) {
        return budgets.orgBudget(organizationId);
    }

    /** The organizations the token can use; list rows carry no country (see {@link #getOrganization}). */
    public Flux<Organization> organizations() {
        return call(null, HttpMethod.GET, "/organizations", "/organizations", null, Map.of())
                .flatMapIterable(body -> Json.list(body.path("organizations"), Organization::from));
    }

    /** One organization with its address, whose country decides its tax rules (US and Canada have tax authorities). */
    public Mono<Organization> getOrganization(String org) {
        return call(null, HttpMethod.GET, "/organizations/{id}", "/organizations/" + enc(org), null, Map.of())
                .map(body -> Organization.from(body.path("organization")));
    }

    /** The currencies enabled in the organization, with Books' exchange rates; contacts and invoices take their ids. */
    public Flux<Currency> listCurrencies(String org) {
        return pages(org, "/settings/currencies", "currencies", Map.of()).map(Currency::from);
    }

    // --- contacts (customers)

    public Mono<Contact> getContact(String org, String contactId) {
        return call(org, HttpMethod.GET, "/contacts/{id}", "/contacts/" + enc(contactId), null, Map.of())
                .map(body -> Contact.from(body.path("contact")));
    }

    /** Contacts matching Books' list filters (e.g. {@code contact_name}, {@code search_text}), every page. */
    public Flux<Contact> listContacts(String org, Map<String, String> filters) {
        return pages(org, "/contacts", "contacts", filters).map(Contact::from);
    }

    /** Creates the contact, or updates the one whose unique custom field {@code uniqueKey} has {@code uniqueValue}. */
    public Mono<Contact> upsertContact(String org, String uniqueKey, String uniqueValue, NewContact contact) {
        return call(org, HttpMethod.PUT, "/contacts", "/contacts", contact.toJson(json), upsert(uniqueKey, uniqueValue))
                .map(body -> Contact.from(body.path("contact")));
    }

    public Mono<Contact> createContact(String org, NewContact contact) {
        return call(org, HttpMethod.POST, "/contacts", "/contacts", contact.toJson(json), Map.of())
                .map(body -> Contact.from(body.path("contact")));
    }

    // --- items

    public Flux<Item> listItems(String org, Map<String, String> filters) {
        return pages(org, "/items", "items", filters).map(Item::from);
    }

    public Mono<Item> createItem(String org, NewItem item) {
        return call(org, HttpMethod.POST, "/items", "/items", item.toJson(json), Map.of())
                .map(body -> Item.from(body.path("item")));
    }

    public Mono<Item> upsertItem(String org, String uniqueKey, String uniqueValue, NewItem item) {
        return call(org, HttpMethod.PUT, "/items", "/items", item.toJson(json), upsert(uniqueKey, uniqueValue))
                .map(body -> Item.from(body.path("item")));
    }

    // --- taxes

    public Flux<Tax> listTaxes(String org) {
        return pages(org, "/settings/taxes", "taxes", Map.of()).map(Tax::from);
    }

    public Flux<TaxAuthority> listTaxAuthorities(String org) {
        return call(org, HttpMethod.GET, "/settings/taxauthorities", "/settings/taxauthorities", null, Map.of())
                .flatMapIterable(body -> Json.list(body.path("tax_authorities"), TaxAuthority::from));
    }

    // --- webhooks

    /** The org's workflow webhooks, {@code GET /settings/webhooks} (https://www.zoho.com/books/api/v3/webhooks). */
    public Flux<Webhook> listWebhooks(String org) {
        return call(org, HttpMethod.GET, "/settings/webhooks", "/settings/webhooks", null, Map.of())
                .flatMapIterable(body -> Json.list(body.path("webhooks"), Webhook::from));
    }

    // --- invoices

    public Mono<Invoice> getInvoice(String org, String invoiceId) {
        return call(org, HttpMethod.GET, "/invoices/{id}", "/invoices/" + enc(invoiceId), null, Map.of())
                .map(body -> Invoice.from(body.path("invoice")));
    }

    /**
     * Invoices matching Books' list filters ({@code customer_id}, {@code status}, {@code reference_number},
     * {@code last_modified_time} ...), every page.
     */
    public Flux<Invoice> listInvoices(String org, Map<String, String> filters) {
        return pages(org, "/invoices", "invoices", filters).map(Invoice::from);
    }

    public Mono<Invoice> createInvoice(String org, NewInvoice invoice) {
        return call(org, HttpMethod.POST, "/invoices", "/invoices", invoice.toJson(json), Map.of())
                .map(body -> Invoice.from(body.path("invoice")));
    }

    /**
     * Creates the invoice, or finds the one already created for the same unique custom field value: a
     * retried or duplicated push never makes a second invoice (docs/architecture.md §6).
     */
    public Mono<Invoice> upsertInvoice(String org, String uniqueKey, String uniqueValue, NewInvoice invoice) {
        return call(org, HttpMethod.PUT, "/invoices", "/invoices", invoice.toJson(json), upsert(uniqueKey, uniqueValue))
                .map(body -> Invoice.from(body.path("invoice")));
    }

    public Mono<Void> markInvoiceSent(String org, String invoiceId) {
        return status(org, invoiceId, "/status/sent");
    }

    public Mono<Void> voidInvoice(String org, String invoiceId) {
        return status(org, invoiceId, "/status/void");
    }

    public Mono<Void> writeOffInvoice(String org, String invoiceId) {
        return status(org, invoiceId, "/writeoff");
    }

    public Mono<Void> cancelWriteOff(String org, String invoiceId) {
        return status(org, invoiceId, "/writeoff/cancel");
    }

    /** The payments applied to an invoice, one row per payment. */
    public Flux<BooksRecords.InvoicePayment> invoicePayments(String org, String invoiceId) {
        return call(org, HttpMethod.GET, "/invoices/{id}/payments", "/invoices/" + enc(invoiceId) + "/payments",
                null, Map.of())
                .flatMapIterable(body -> Json.list(body.path("payments"), BooksRecords.InvoicePayment::from));
    }

    /** The credits applied to an invoice, one row per application. */
    public Flux<CreditApplication> creditsApplied(String org, String invoiceId) {
        return call(org, HttpMethod.GET, "/invoices/{id}/creditsapplied", "/invoices/" + enc(invoiceId)
                + "/creditsapplied", null, Map.of())
                .flatMapIterable(body -> Json.list(body.path("credits"), row -> CreditApplication.ofInvoice(invoiceId, row)));
    }

    // --- customer payments

    public Mono<Payment> getPayment(String org, String paymentId) {
        return call(org, HttpMethod.GET, "/customerpayments/{id}", "/customerpayments/" + enc(paymentId), null, Map.of())
                .map(body -> Payment.from(body.path("payment")));
    }

    /**
     * Payments matching Books' list filters, every page. List rows are summaries: their applications are unknown
     * ({@link Payment#applicationsKnown()} is false) and they may lack {@code last_modified_time}.
     */
    public Flux<Payment> listPayments(String org, Map<String, String> filters) {
        return pages(org, "/customerpayments", "customerpayments", filters).map(Payment::from);
    }

    // --- credit notes

    public Mono<CreditNote> getCreditNote(String org, String creditNoteId) {
        return call(org, HttpMethod.GET, "/creditnotes/{id}", "/creditnotes/" + enc(creditNoteId), null, Map.of())
                .map(body -> CreditNote.from(body.path("creditnote")));
    }

    public Flux<CreditApplication> creditNoteInvoices(String org, String creditNoteId) {
        return call(org, HttpMethod.GET, "/creditnotes/{id}/invoices", "/creditnotes/" + enc(creditNoteId)
                + "/invoices", null, Map.of())
                .flatMapIterable(body -> Json.list(body.path("invoices_credited"), CreditApplication::ofCreditNote));
    }

    public Flux<CreditRefund> creditNoteRefunds(String org, String creditNoteId) {
        return call(org, HttpMethod.GET, "/creditnotes/{id}/refunds", "/creditnotes/" + enc(creditNoteId)
                + "/refunds", null, Map.of())
                .flatMapIterable(body -> Json.list(body.path("creditnote_refunds"), CreditRefund::from));
    }

    // --- plumbing

    private Mono<Void> status(String org, String invoiceId, String action) {
        return call(org, HttpMethod.POST, "/invoices/{id}" + action, "/invoices/" + enc(invoiceId) + action, null,
                Map.of()).then();
    }

    private Flux<JsonNode> pages(String org, String path, String listKey, Map<String, String> filters) {
        return page(org, path, filters, 1).expand(body -> hasMorePages(body)
                        ? page(org, path, filters, pageContext(body).path("page").asInt(1) + 1) : Mono.empty())
                .flatMapIterable(body -> Json.list(body.path(listKey), Function.identity()));
    }

    private Mono<JsonNode> page(String org, String path, Map<String, String> filters, int page) {
        Map<String, String> query = new TreeMap<>(filters);
        query.put("page", String.valueOf(page));
        query.put("per_page", String.valueOf(PER_PAGE));
        return call(org, HttpMethod.GET, path, path, null, Map.of(), query);
    }

    /** {@code page_context} is an object on most list pages, a one-element array on some (zoho-api.md §10). */
    private static JsonNode pageContext(JsonNode body) {
        JsonNode context = body.path("page_context");
        return context.isArray() ? context.path(0) : context;
    }

    private static boolean hasMorePages(JsonNode body) {
        return pageContext(body).path("has_more_page").asBoolean(false);
    }

    private Mono<JsonNode> call(String org, HttpMethod method, String endpoint, String path, String body,
                                Map<String, String> headers) {
        return call(org, method, endpoint, path, body, headers, Map.of());
    }

    private Mono<JsonNode> call(String org, HttpMethod method, String endpoint, String path, String body,
                                Map<String, String> headers, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(path);
        char separator = '?';
        if (org != null) {
            uri.append("?organization_id=").append(enc(org));
            separator = '&';
        }
        for (Map.Entry<String, String> param : query.entrySet()) {
            uri.append(separator).append(enc(param.getKey())).append('=').append(enc(param.getValue()));
            separator = '&';
        }
        return exchange.call(baseUrl, new ZohoRequest(ZohoService.BOOKS, org, method, endpoint, uri.toString(),
                body, headers, budgets.of(org), priority));
    }

    private static Map<String, String> upsert(String uniqueKey, String uniqueValue) {
        return Map.of("X-Unique-Identifier-Key", uniqueKey, "X-Unique-Identifier-Value", uniqueValue,
                "X-Upsert", "true");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
