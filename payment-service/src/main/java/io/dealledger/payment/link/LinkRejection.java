package io.dealledger.payment.link;

import io.dealledger.schemas.failures.FailureCategory;

/** Why a link request was refused: a stable code and a sentence the CRM widget shows. */
public record LinkRejection(String code, String message) {

    public static final String INVOICE_NOT_FOUND = "INVOICE_NOT_FOUND";
    public static final String DEAL_NOT_FOUND = "DEAL_NOT_FOUND";
    public static final String DEAL_WITHOUT_ACCOUNT = "DEAL_WITHOUT_ACCOUNT";
    public static final String CUSTOMER_MISMATCH = "CUSTOMER_MISMATCH";

    /** Who acts on it: a deal without account is the sales team's, a deleted deal CRM's, the rest a wrong link. */
    public FailureCategory category() {
        return switch (code) {
            case DEAL_NOT_FOUND -> FailureCategory.CRM_RECORD_MISSING;
            case DEAL_WITHOUT_ACCOUNT -> FailureCategory.DEAL_WITHOUT_ACCOUNT;
            default -> FailureCategory.LINK_REFUSED;
        };
    }
}
