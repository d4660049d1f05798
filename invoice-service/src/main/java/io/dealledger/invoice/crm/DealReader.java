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

import io.dealledger.invoice.InvoiceProperties;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;
import io.dealledger.zoho.http.ZohoApiException;
import reactor.core.publisher.Flux;

/**
 * Reads a deal, its account and its products from CRM. Lines come from the configured Deals subform,
 * else from the deal's related Products; products are read once each, in parallel.
 */
public class DealReader {

    private static final String CONTACTS = "Contacts";

    static final String DEALS = "Deals";
    static final String ACCOUNTS = "Accounts";
    static final String PRODUCTS = "Products";

    private final CrmClient crm;
    private final InvoiceProperties.Crm fields;
    private final Duration timeout;

    public DealReader(CrmClient crm, InvoiceProperties.Crm fields, Duration timeout) {
        this.crm = crm;
        this.fields = fields;
        this.timeout = timeout;
    }

    public Optional<Deal> deal(String dealId) {
        Optional<CrmRecord> found = crm.getRecord(DEALS, dealId).blockOptional(timeout);
        return found.map(record -> new Deal(record.id(), record.string("Deal_Name"), record.string("Stage"),
                record.decimal("Amount"), record.string("Currency"), record.lookupId("Account_Name"), lines(record),
                record.lookupId("Contact_Name")));
    }

    /** The deal's contact as the Books customer's primary contact person (who receives the invoices). */
    public Optional<ContactPerson> contactPerson(String contactId) {
        return crm.getRecord(CONTACTS, contactId).blockOptional(timeout).map(c -> new ContactPerson(
                c.string("First_Name"), c.string("Last_Name"), c.string("Email")));
    }

    public Optional<Account> account(String accountId) {
        return crm.getRecord(ACCOUNTS, accountId).blockOptional(timeout).map(a -> new Account(a.id(),
                a.string("Account_Name"), a.string(fields.legalEntityField()), a.string("Billing_Street"),
                a.string("Billing_City"), a.string("Billing_State"), a.string("Billing_Code"),
                a.string("Billing_Country"), a.string(fields.customerIdField())));
    }

    private List<DealLine> lines(CrmRecord deal) {
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
        return lines;
    }

    /** Deals without a subform may list products in the related list; Zoho answers "none" in several ways. */
    private List<DealLine> relatedProducts(String dealId) {
        List<CrmRecord> related = crm.relatedRecords(DEALS, dealId, PRODUCTS)
                .onErrorResume(ZohoApiException.class, e -> e.httpStatus() >= 400 && e.httpStatus() < 500
                        && e.httpStatus() != 401 && e.httpStatus() != 429 ? Flux.empty() : Flux.error(e))
                .collectList().block(timeout);
        List<DealLine> lines = new ArrayList<>();
        for (CrmRecord record : related == null ? List.<CrmRecord>of() : related) {
            Product product = product(record);
            lines.add(new DealLine(product, orElse(record.decimal("Quantity"), BigDecimal.ONE),
                    orElse(product.unitPrice(), BigDecimal.ZERO), null));
        }
        return lines;
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
