package io.dealledger.emulator.seed;

/**
 * The ids of the default data set. They are the same on every start and after every reset (ids are
 * deterministic sequences), so other modules' tests and the demo can name them.
 */
public final class SeedIds {

    // Books organizations
    public static final String US_ORG_ID = "10234695";
    public static final String UK_ORG_ID = "20876543";

    // Books currencies (the base currency of each org, and the others it enabled, with Books' rate)
    public static final String CURRENCY_US_USD = "460000000000097";
    public static final String CURRENCY_UK_GBP = "460000000000098";
    public static final String CURRENCY_US_EUR = "460000000000101";
    public static final String CURRENCY_US_GBP = "460000000000102";
    public static final String CURRENCY_US_CAD = "460000000000103";
    public static final String CURRENCY_UK_EUR = "460000000000111";
    public static final String CURRENCY_UK_USD = "460000000000112";

    // US tax authorities and taxes (state sales taxes)
    public static final String TAX_AUTHORITY_CA = "460000000007001";
    public static final String TAX_AUTHORITY_NY = "460000000007002";
    public static final String TAX_AUTHORITY_TX = "460000000007003";
    public static final String TAX_AUTHORITY_WA = "460000000007004";
    public static final String TAX_CA = "460000000006001";
    public static final String TAX_NY = "460000000006002";
    public static final String TAX_TX = "460000000006003";
    public static final String TAX_WA = "460000000006004";
    // UK VAT
    public static final String TAX_UK_VAT_20 = "460000000006005";
    public static final String TAX_UK_ZERO = "460000000006006";

    // Books contacts
    public static final String BOOKS_CONTACT_GLOBEX = "460000000001001";
    public static final String BOOKS_CONTACT_SOYLENT = "460000000001002";
    public static final String BOOKS_CONTACT_INITECH = "460000000001003";

    // Books items ("sv-300 " differs from the CRM product code "SV-300" only by case and a space)
    public static final String BOOKS_ITEM_ROBOT_ARM = "460000000002001";
    public static final String BOOKS_ITEM_GRIPPER = "460000000002002";
    public static final String BOOKS_ITEM_SERVO_TRAP = "460000000002003";
    public static final String BOOKS_ITEM_ROBOT_ARM_UK = "460000000002004";
    public static final String BOOKS_ITEM_SERVO_TRAP_SKU = "sv-300 ";

    // A sent invoice created directly in Books (no deal link), for Soylent in the US org
    public static final String BOOKS_INVOICE_SOYLENT = "460000000003001";

    // CRM accounts (Legal_Entity decides the Books org)
    public static final String ACCOUNT_GLOBEX_CA = "5725767000000100001";
    public static final String ACCOUNT_SOYLENT_NY = "5725767000000100002";
    public static final String ACCOUNT_INITECH_UK = "5725767000000100003";
    public static final String ACCOUNT_UMBRELLA_TX = "5725767000000100004";
    public static final String ACCOUNT_CYBERDYNE_WA = "5725767000000100005";
    public static final String LEGAL_ENTITY_US = "Acme Robotics Inc.";
    public static final String LEGAL_ENTITY_UK = "Acme Robotics Ltd";

    // CRM contacts
    public static final String CONTACT_JANE_GLOBEX = "5725767000000200001";
    public static final String CONTACT_SAM_SOYLENT = "5725767000000200002";
    public static final String CONTACT_PETER_INITECH = "5725767000000200003";
    public static final String CONTACT_ADA_UMBRELLA = "5725767000000200004";

    // CRM products (Product_Code is the SKU)
    public static final String PRODUCT_ROBOT_ARM = "5725767000000300001";
    public static final String PRODUCT_GRIPPER = "5725767000000300002";
    public static final String PRODUCT_SERVO = "5725767000000300003";
    public static final String PRODUCT_INSTALLATION = "5725767000000300004";

    // CRM deals
    /** Closed Won, Globex (CA), USD 16,800 over 3 products in the Deal_Line_Items subform. */
    public static final String DEAL_GLOBEX_CLOSED_WON = "5725767000000400001";
    public static final String DEAL_SOYLENT_NEGOTIATION = "5725767000000400002";
    /** Closed Won, Initech (UK), GBP 9,500. */
    public static final String DEAL_INITECH_UK_CLOSED_WON = "5725767000000400003";
    public static final String DEAL_UMBRELLA_TX_CLOSED_WON = "5725767000000400004";
    /** Closed Won without an account (must be rejected by an invoice push). */
    public static final String DEAL_WITHOUT_ACCOUNT = "5725767000000400005";

    // CRM variables: legal entity → Books organization id
    public static final String VARIABLE_ORG_US = "Books_Org_Acme_Robotics_Inc";
    public static final String VARIABLE_ORG_UK = "Books_Org_Acme_Robotics_Ltd";

    private SeedIds() {
    }
}
