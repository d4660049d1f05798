package io.dealledger.invoice.outcome;

import io.dealledger.invoice.crm.Deal;
import io.dealledger.invoice.stage.StageAmount;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.zoho.limits.BooksDailyLimitException;

/**
 * One thing a person must fix before the deal can be invoiced: what, in which field, and how; its
 * {@link FailureCategory} says who fixes it (an integrator's mapping, the sales team's CRM data, Books).
 */
public record Rejection(Code code, FailureCategory category, String field, String message) {

    /** Stable codes, published in InvoiceRejected and used as the metric's reason label, with their usual category. */
    public enum Code {
        DEAL_NOT_FOUND(FailureCategory.CRM_RECORD_MISSING),
        DEAL_WITHOUT_ACCOUNT(FailureCategory.DEAL_WITHOUT_ACCOUNT),
        STAGE_NOT_ALLOWED(FailureCategory.INVALID_REQUEST),
        LEGAL_ENTITY_UNMAPPED(FailureCategory.MISSING_ORG_MAPPING),
        TAX_REGION_UNMAPPED(FailureCategory.MISSING_TAX_MAPPING),
        // the product catalogue's owner fixes it like any SKU that matches no Books item: one place to look
        PRODUCT_WITHOUT_SKU(FailureCategory.UNKNOWN_SKU),
        AMOUNT_NOT_POSITIVE(FailureCategory.INVALID_REQUEST),
        STAGE_CURRENCY_MISMATCH(FailureCategory.INVALID_REQUEST),
        STAGE_EXCEEDS_UNINVOICED(FailureCategory.INVALID_REQUEST),
        BOOKS_VALIDATION(FailureCategory.BOOKS_VALIDATION),
        /** The organization's Books calls for today are spent: parked, and resumed after its midnight. */
        BOOKS_DAILY_LIMIT(FailureCategory.BOOKS_DAILY_LIMIT),
        /** Zoho stayed down, throttled or refused the token through every retry: parked for a replay. */
        ZOHO_FAULT(FailureCategory.BOOKS_UNAVAILABLE),
        // a replay of a request a later one for the same stage already invoiced: invoicing it would bill twice
        REPLAY_SUPERSEDED(FailureCategory.INVALID_REQUEST),
        // the deal's currency is not enabled in the Books organization (Settings → Currencies)
        CURRENCY_NOT_ENABLED(FailureCategory.BOOKS_VALIDATION),
        // Books bills a customer in its own currency only: the account's Books customer is in another one
        CUSTOMER_CURRENCY_MISMATCH(FailureCategory.BOOKS_VALIDATION),
        // CRM refused to list the deal's products: never billed as one "deal amount" line instead
        DEAL_PRODUCTS_UNREADABLE(FailureCategory.CRM_FIELD_MISSING);

        private final FailureCategory category;

        Code(FailureCategory category) {
            this.category = category;
        }

        public FailureCategory category() {
            return category;
        }
    }

    /** A rejection of the code's usual category. */
    public static Rejection of(Code code, String field, String message) {
        return new Rejection(code, code.category(), field, message);
    }

    /** A rejection whose cause is another category than the code's usual one (e.g. a CRM field left empty). */
    public static Rejection of(Code code, FailureCategory category, String field, String message) {
        return new Rejection(code, category, field, message);
    }

    public static Rejection dealNotFound(String dealId) {
        return of(Code.DEAL_NOT_FOUND, "dealId", "CRM has no deal " + dealId + ": it may have been deleted or merged");
    }

    /** A replayed request whose {@code stage} a later request already invoiced: {@code invoice} is the later one's. */
    public static Rejection replaySuperseded(StageAmount stage, Invoice invoice, String requestIdField) {
        return of(Code.REPLAY_SUPERSEDED, "requestId", "this replayed request was superseded: request "
                + invoice.customFields().get(requestIdField) + ", asked later for the same deal and stage ("
                + stage.label() + "), was already invoiced as " + invoice.invoiceNumber()
                + "; nothing was created. Ask again if another invoice is really wanted");
    }

    public static Rejection dealWithoutAccount(Deal deal) {
        return of(Code.DEAL_WITHOUT_ACCOUNT, "Account_Name", "deal '" + deal.reference()
                + "' has no account: invoices are pushed from account-linked deals only, so set its Account_Name");
    }

    /** Books' calls for the organization are spent for today; says when the request will be tried again. */
    public static Rejection dailyLimit(BooksDailyLimitException limit) {
        return of(Code.BOOKS_DAILY_LIMIT, null, limit.forPeople());
    }

    /** A fault that outlasted every retry, as the dead letter records it. */
    public static Rejection fault(FailureCategory category, String reason) {
        return of(Code.ZOHO_FAULT, category, null, category.label() + ": " + reason
                + "; the request is parked among invoice-service's dead letters, replay it once Zoho answers again");
    }

    /**
     * Whether replaying the same request can succeed once a person fixed this outside the request (a
     * mapping, CRM data, Books): not when the request itself is wrong for the deal, nor when the deal is
     * gone (a merged deal's id never comes back; the surviving deal is asked again).
     */
    public boolean fixableOutsideTheRequest() {
        return category != FailureCategory.INVALID_REQUEST && category != FailureCategory.CRM_RECORD_MISSING;
    }
}
