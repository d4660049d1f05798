package io.dealledger.invoice.push;

/** One thing a person must fix before the deal can be invoiced: what, in which field, and how. */
public record Rejection(Code code, String field, String message) {

    /** Stable codes, published in InvoiceRejected and used as the metric's reason label. */
    public enum Code {
        DEAL_NOT_FOUND,
        DEAL_WITHOUT_ACCOUNT,
        STAGE_NOT_ALLOWED,
        LEGAL_ENTITY_UNMAPPED,
        TAX_REGION_UNMAPPED,
        PRODUCT_WITHOUT_SKU,
        AMOUNT_NOT_POSITIVE,
        STAGE_CURRENCY_MISMATCH,
        STAGE_EXCEEDS_UNINVOICED,
        BOOKS_VALIDATION
    }

    public static Rejection of(Code code, String field, String message) {
        return new Rejection(code, field, message);
    }
}
