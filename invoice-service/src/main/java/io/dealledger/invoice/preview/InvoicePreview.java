package io.dealledger.invoice.preview;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/deals/{dealId}/invoice-previews}: what pushing an invoice request with
 * this body would do now, worked out read-only (nothing created in Books, nothing written to CRM, nothing
 * published). Every amount is an exact decimal string at the currency's minor unit; an object the preview
 * could not work out (no account, no Books organization, an unmapped tax) is null, and {@code reasons}
 * says why.
 *
 * @param dealId       the CRM deal
 * @param dealName     its name (the invoice's reference number)
 * @param accountId    its CRM account, null when it has none
 * @param accountName  the account's name
 * @param stage        the billing stage asked for, null for the whole deal
 * @param wouldInvoice true when a push would create (or find) the invoice: {@code reasons} is empty
 * @param organization the Books organization the invoice would go to
 * @param customer     the Books customer it would bill
 * @param lines        the invoice's lines, in order
 * @param tax          the tax of the account's billing region
 * @param totals       the amounts before and after tax, and what is left of the deal to invoice
 * @param reasons      every reason a push would be rejected, in push order (empty: none)
 * @param booksCalls   Books API calls this preview spent (cached look-ups cost none)
 */
public record InvoicePreview(String dealId, String dealName, String accountId, String accountName, Stage stage,
                             boolean wouldInvoice, Organization organization, Customer customer, List<Line> lines,
                             Tax tax, Totals totals, List<Reason> reasons, int booksCalls) {

    /** A billing stage: a percentage of the deal or a fixed amount in {@code currency}. */
    public record Stage(String label, String percentage, String fixedAmount, String currency) {
    }

    /** @param legalEntity the account's legal entity that picked it */
    public record Organization(String organizationId, String legalEntity) {
    }

    /**
     * @param action     {@code USE} an existing Books contact, or {@code CREATE} one named {@code name}
     * @param customerId the contact's id (null with CREATE)
     * @param matchedBy  with USE: {@code BOOKS_CUSTOMER_ID} (the account's Books_Customer_Id), {@code CRM_ACCOUNT_ID}
     *                   (tied to the account by its CRM-account-id field) or {@code SAME_NAME} (an untied contact
     *                   with the account's name, adopted)
     */
    public record Customer(String action, String customerId, String name, String matchedBy) {
    }

    /**
     * @param product       the CRM product, null for a service line (a deal without products) or a stage line
     * @param item          the Books item, null when the line has none (no product, no SKU, or no organization)
     * @param skuCollisions Books items already sharing the product's normalized SKU, when more than one does
     *                      (duplicates to clean up; the push uses {@code item}, the active one with the lowest id)
     * @param tax           the line's tax, null when the line is not taxed or the tax is not known
     */
    public record Line(String name, String description, String quantity, String rate, String amount, Product product,
                       Item item, List<BooksItem> skuCollisions, LineTax tax) {
    }

    /** @param normalizedSku the SKU as matching sees it (case, spaces and punctuation dropped) */
    public record Product(String productId, String name, String sku, String normalizedSku) {
    }

    /**
     * @param action        {@code USE} the Books item matched by normalized SKU, or {@code CREATE} one
     * @param itemId        the item's id (null with CREATE)
     * @param name          its name in Books (with CREATE: the name it would get)
     * @param sku           its SKU as Books writes it (with CREATE: the SKU it would get)
     * @param nearDuplicate the CRM SKU and the Books SKU differ as written but are one SKU once normalized
     *                      ("SV-300" vs "sv-300 "): matched, where an exact match would have made a duplicate item
     */
    public record Item(String action, String itemId, String name, String sku, boolean nearDuplicate) {
    }

    public record BooksItem(String itemId, String name, String sku, String status) {
    }

    /**
     * @param amount         the line's tax: its amount times the rate, rounded half-up per line as Books does
     * @param taxAuthorityId the invoice's tax authority (Books holds one per invoice), null where none is needed
     */
    public record LineTax(String taxId, String taxName, String percentage, String amount, String taxAuthorityId,
                          String taxAuthorityName) {
    }

    /**
     * @param region           the billing region's key (US-CA, GB, IN-KA)
     * @param mappedBy         where its mapping is: the configuration key or the CRM Variable
     * @param taxed            false when the region is mapped as not taxed (exempt, zero-rated)
     * @param taxAuthorityId   the authority put on the invoice (US/CA editions), else null
     */
    public record Tax(String region, String mappedBy, boolean taxed, String taxId, String taxName, String percentage,
                      String taxAuthorityId, String taxAuthorityName) {
    }

    /**
     * @param taxTotal        null (and {@code total} too) while the tax is not known
     * @param dealAmount      the deal's Amount
     * @param alreadyInvoiced what Books already bills for the deal before tax; null without an organization
     * @param uninvoiced      dealAmount − alreadyInvoiced; null without an organization
     */
    public record Totals(String currency, String subTotal, String taxTotal, String total, String dealAmount,
                         String alreadyInvoiced, String uninvoiced) {
    }

    /**
     * @param code          the rejection code InvoiceRejected would carry (TAX_REGION_UNMAPPED, ...)
     * @param category      its failure category (MISSING_TAX_MAPPING, ...)
     * @param categoryLabel the category as people read it ("Missing tax mapping")
     */
    public record Reason(String code, String category, String categoryLabel, String field, String message) {
    }
}
