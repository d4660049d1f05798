package io.dealledger.payment.link;

/** Why a link request was refused: a stable code and a sentence the CRM widget shows. */
public record LinkRejection(String code, String message) {

    public static final String INVOICE_NOT_FOUND = "INVOICE_NOT_FOUND";
    public static final String DEAL_NOT_FOUND = "DEAL_NOT_FOUND";
    public static final String DEAL_WITHOUT_ACCOUNT = "DEAL_WITHOUT_ACCOUNT";
    public static final String CUSTOMER_MISMATCH = "CUSTOMER_MISMATCH";
}
