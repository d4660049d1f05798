package io.dealledger.zoho.accounts;

import io.dealledger.zoho.crm.CrmRecord;

/**
 * A CRM deal and its account, read with {@link DealAccounts#ofDeal}.
 *
 * @param deal    the deal as CRM answers it
 * @param account its account as CRM answers it; null when the deal has none, or names one CRM no longer has
 * @param fields  the field names the two were read with
 */
public record DealAccount(CrmRecord deal, CrmRecord account, AccountFields fields) {

    public String dealId() {
        return deal.id();
    }

    /** The account the deal names (even one CRM no longer has), or null. */
    public String accountId() {
        return deal.lookupId(fields.dealAccount());
    }

    public boolean hasAccount() {
        return account != null;
    }

    /** The account's name, else the name the deal's lookup shows. */
    public String accountName() {
        String name = account == null ? null : account.string("Account_Name");
        return name != null ? name : deal.lookupName(fields.dealAccount());
    }

    /** The account's legal entity, null when it has none (or there is no account). */
    public String legalEntity() {
        return account == null ? null : blankToNull(account.string(fields.legalEntity()));
    }

    /** The Books customer id CRM holds for the account, null when it holds none. */
    public String booksCustomerId() {
        return account == null ? null : blankToNull(account.string(fields.booksCustomerId()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
