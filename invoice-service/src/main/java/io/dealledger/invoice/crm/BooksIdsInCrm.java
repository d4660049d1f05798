package io.dealledger.invoice.crm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmWriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Books ids back to CRM (invoice-service is the single writer of Books_Customer_Id on Accounts and
 * Books_Item_Id on Products), only where they changed. A product keeps the item id of the first org it
 * was matched in, since one CRM field cannot hold one id per org. A record CRM refuses is logged, not
 * fatal: the invoice matters more than the back-link, and the next push writes it again.
 */
public class BooksIdsInCrm {

    private static final Logger log = LoggerFactory.getLogger(BooksIdsInCrm.class);

    private final CrmClient crm;
    private final CrmFields fields;
    private final Duration timeout;

    public BooksIdsInCrm(CrmClient crm, CrmFields fields, Duration timeout) {
        this.crm = crm;
        this.fields = fields;
        this.timeout = timeout;
    }

    public void write(Account account, String customerId, Collection<Product> products, Map<String, String> itemIds) {
        if (customerId != null && !customerId.equals(account.booksCustomerId())) {
            write(DealReader.ACCOUNTS, List.of(Map.of("id", account.id(), fields.customerIdField(), customerId)));
        }
        List<Map<String, Object>> productUpdates = new ArrayList<>();
        for (Product product : products) {
            String itemId = itemIds.get(product.id());
            if (itemId != null && (product.booksItemId() == null || product.booksItemId().isBlank())) {
                productUpdates.add(Map.of("id", product.id(), fields.itemIdField(), itemId));
            }
        }
        if (!productUpdates.isEmpty()) {
            write(DealReader.PRODUCTS, productUpdates);
        }
    }

    private void write(String module, List<Map<String, Object>> records) {
        List<CrmWriteResult> results = crm.updateRecords(module, records).block(timeout);
        for (CrmWriteResult result : results == null ? List.<CrmWriteResult>of() : results) {
            if (!result.success()) {
                log.warn("crm_write_refused module={} record_id={} code={} field={} message=\"{}\"", module,
                        result.recordId(), result.code(), result.field(), result.message());
            }
        }
    }
}
