package io.dealledger.invoice.crm;

import io.dealledger.zoho.books.BooksRequests.ContactPerson;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dealledger.zoho.accounts.AccountFields;
import io.dealledger.zoho.accounts.DealAccounts;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;
import io.dealledger.zoho.http.ZohoApiException;
import io.dealledger.zoho.http.ZohoAuthorizationException;
import reactor.core.publisher.Flux;

/**
 * Reads a deal, its account (as zoho-client's {@link DealAccounts} links them, for every service) and its products
 * from CRM. Lines come from the configured Deals subform, else from the deal's related Products (CRM v7 answers
 * those only with the {@code fields} named); products are read once each, in parallel. A deal whose related
 * products CRM refuses to list carries the reason.
 */
public class DealReader {

    private static final String CONTACTS = "Contacts";

    static final String DEALS = "Deals";
    static final String ACCOUNTS = "Accounts";
    static final String PRODUCTS = "Products";

    private final CrmClient crm;
    private final CrmFields fields;
    private final DealAccounts accounts;
    private final Duration timeout;

    public DealReader(CrmClient crm, CrmFields fields, DealAccounts accounts, Duration timeout) {
        this.crm = crm;
        this.fields = fields;
        this.accounts = accounts;
        this.timeout = timeout;
    }

    /** The fields tying a deal to its account and the account to its Books customer. */
    public AccountFields accountFields() {
        return accounts.fields();
    }

    /** A deal and its account: {@code account} null when the deal has none, or names one CRM no longer has. */
    public record DealAndAccount(Deal deal, Account account) {
    }

    /** The deal and its account as zoho-client's {@link DealAccounts} reads them; empty when CRM has no deal. */
    public Optional<DealAndAccount> dealAndAccount(String dealId) {
        return accounts.ofDeal(dealId).blockOptional(timeout).map(found -> new DealAndAccount(deal(found.deal()),
                found.hasAccount() ? account(found.account()) : null));
    }

    private Deal deal(CrmRecord record) {
        Lines lines = lines(record);
        return new Deal(record.id(), record.string("Deal_Name"), record.string("Stage"), record.decimal("Amount"),
                record.string("Currency"), record.lookupId(accounts.fields().dealAccount()), lines.lines(),
                record.lookupId("Contact_Name"), lines.unreadable());
    }

    /** The deal's lines, or why CRM would not list them. */
    private record Lines(List<DealLine> lines, String unreadable) {
    }

    /** The deal's contact as the Books customer's primary contact person (who receives the invoices). */
    public Optional<ContactPerson> contactPerson(String contactId) {
        return crm.getRecord(CONTACTS, contactId).blockOptional(timeout).map(c -> new ContactPerson(
                c.string("First_Name"), c.string("Last_Name"), c.string("Email")));
    }

    public Optional<Account> account(String accountId) {
        return crm.getRecord(ACCOUNTS, accountId).blockOptional(timeout).map(this::account);
    }

    private Account account(CrmRecord a) {
        return new Account(a.id(), a.string("Account_Name"), a.string(fields.legalEntityField()),
                a.string("Billing_Street"), a.string("Billing_City"), a.string("Billing_State"), a.string("Billing_Code"),
                a.string("Billing_Country"), a.string(fields.customerIdField()));
    }

    private Lines lines(CrmRecord deal) {
        List<CrmRecord> rows = deal.subform(fields.lineItemsSubform());
        if (rows.isEmpty()) {
            return relatedProducts(deal.id());
        }
        Set<String> productIds = new LinkedHashSet<>();
        rows.forEach(row -> productIds.add(row.lookupId("Product_Name")));
        productIds.remove(null);
        Map<String, Product> products = products(productIds);
        List<DealLine> lines = new ArrayList<>();
        for (CrmRecord row : rows) {
            Product product = products.get(row.lookupId("Product_Name"));
            if (product == null) {
                product = new Product(row.lookupId("Product_Name"), row.lookupName("Product_Name"), null, null, true,
                        null, null);
            }
            BigDecimal quantity = orElse(row.decimal("Quantity"), BigDecimal.ONE);
            BigDecimal rate = orElse(row.decimal("List_Price"), orElse(product.unitPrice(), BigDecimal.ZERO));
            lines.add(new DealLine(product, quantity, rate, row.string("Description")));
        }
        return new Lines(lines, null);
    }

    /**
     * Deals without a subform may list products in the related list; none is Zoho's 204 (no lines). Any other
     * refusal (a 4xx: the related list or a field unknown in this org) is the reason the deal cannot be billed:
     * swallowed, it billed a deal's products as one line for its amount. Auth, 429 and 5xx stay faults.
     */
    private Lines relatedProducts(String dealId) {
        List<CrmRecord> related;
        try {
            related = crm.relatedRecords(DEALS, dealId, PRODUCTS, relatedProductFields()).collectList().block(timeout);
        } catch (ZohoApiException e) {
            if (e instanceof ZohoAuthorizationException || e.retryable() || e.httpStatus() < 400 || e.httpStatus() >= 500
                    || e.httpStatus() == 429) {
                throw e;
            }
            return new Lines(List.of(), "CRM refused to list the products of deal " + dealId + " (" + e.httpStatus()
                    + " " + e.code() + ": " + e.zohoMessage() + ")");
        }
        List<DealLine> lines = new ArrayList<>();
        for (CrmRecord record : related == null ? List.<CrmRecord>of() : related) {
            Product product = product(record);
            lines.add(new DealLine(product, orElse(record.decimal("Quantity"), BigDecimal.ONE),
                    orElse(product.unitPrice(), BigDecimal.ZERO), null));
        }
        return new Lines(lines, null);
    }

    /** What {@link #product} reads of a related product (CRM v7 returns only the fields asked for). */
    private List<String> relatedProductFields() {
        return List.copyOf(new LinkedHashSet<>(List.of("Product_Name", "Unit_Price", "Taxable", "Description",
                fields.skuField(), fields.itemIdField())));
    }

    private Map<String, Product> products(Set<String> ids) {
        List<Product> read = Flux.fromIterable(ids).flatMap(id -> crm.getRecord(PRODUCTS, id).map(this::product), 4)
                .collectList().block(timeout);
        return read == null ? Map.of() : read.stream().collect(Collectors.toMap(Product::id, Function.identity()));
    }

    private Product product(CrmRecord p) {
        String taxable = p.string("Taxable");
        return new Product(p.id(), p.string("Product_Name"), p.string(fields.skuField()), p.decimal("Unit_Price"),
                taxable == null || Boolean.parseBoolean(taxable), p.string(fields.itemIdField()), p.string("Description"));
    }

    private static BigDecimal orElse(BigDecimal value, BigDecimal fallback) {
        return value == null ? fallback : value;
    }
}
