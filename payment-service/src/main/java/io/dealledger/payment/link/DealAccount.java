package io.dealledger.payment.link;

/**
 * A deal's account as CRM has it, for the "filtered by contact" rule.
 *
 * @param accountId       CRM account id, null when the deal has no account
 * @param accountName     the account's name, for messages
 * @param booksCustomerId the account's Books customer id field, when set
 */
public record DealAccount(String dealId, String accountId, String accountName, String booksCustomerId) {
}
