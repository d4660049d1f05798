package io.dealledger.zoho.accounts;

/**
 * The fields that tie a CRM deal to its account and the account to its Books customer, as a deployment names them.
 *
 * @param dealAccount      the Deals lookup to the account (Zoho's own: {@code Account_Name})
 * @param legalEntity      the Accounts field naming the legal entity, which picks the Books organization
 * @param booksCustomerId  the Accounts field holding the account's Books customer id (invoice-service writes it)
 * @param contactAccountId the Books contacts custom field holding the CRM account id (unique: the customer's upsert key)
 */
public record AccountFields(String dealAccount, String legalEntity, String booksCustomerId, String contactAccountId) {

    /** The names docs/zoho-setup.md asks an admin to create. */
    public static final AccountFields DEFAULTS = new AccountFields("Account_Name", "Legal_Entity", "Books_Customer_Id",
            "cf_crm_account_id");

    public AccountFields {
        require(dealAccount, "dealAccount");
        require(legalEntity, "legalEntity");
        require(booksCustomerId, "booksCustomerId");
        require(contactAccountId, "contactAccountId");
    }

    private static void require(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must be a field's API name");
        }
    }
}
