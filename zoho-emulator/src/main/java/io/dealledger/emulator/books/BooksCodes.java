package io.dealledger.emulator.books;

/**
 * Books' error codes the emulator answers with. 1002, 24016, 3004, 6041, 44, 45, 1070, 57, 14 are Zoho's;
 * the validation codes (2, 4, 1001, 3062, 1040) are the emulator's choices where Zoho's are unconfirmed.
 */
public final class BooksCodes {

    public static final int SUCCESS = 0;
    public static final int INVALID_VALUE = 2;
    public static final int MANDATORY_MISSING = 4;
    public static final int INVALID_URL = 5;
    public static final int NOT_FOUND = 1002;
    public static final int DUPLICATE = 1001;
    public static final int INVALID_STATE = 1040;
    public static final int CUSTOMER_INVALID = 3004;
    public static final int CONTACT_NAME_EXISTS = 3062;
    public static final int OVER_PAYMENT = 24016;

    private BooksCodes() {
    }
}
