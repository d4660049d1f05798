package io.dealledger.invoice.books;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Books custom fields invoice-service keys its records by (prefix {@code dealledger.invoice.books}), each a
 * unique, "Prevent Duplicate Values" field; every default is in application.yml.
 *
 * @param requestIdField    invoice custom field carrying the request id: the invoice's idempotency key
 * @param dealIdField       invoice custom field carrying the CRM deal id (besides zcrm_potential_id)
 * @param billedAmountField invoice custom field carrying the amount billed before tax, for the uninvoiced check
 * @param accountIdField    contact custom field carrying the CRM account id: one customer per account
 * @param productIdField    item custom field carrying the CRM product id
 */
@ConfigurationProperties("dealledger.invoice.books")
public record BooksFields(String requestIdField, String dealIdField, String billedAmountField, String accountIdField,
                          String productIdField) {

    public BooksFields {
        for (String field : new String[] {requestIdField, dealIdField, billedAmountField, accountIdField,
                productIdField}) {
            if (field == null || !field.startsWith("cf_")) {
                throw new IllegalArgumentException("dealledger.invoice.books.*-field must be Books custom field API"
                        + " names starting with cf_ (got " + field + ")");
            }
        }
    }
}
