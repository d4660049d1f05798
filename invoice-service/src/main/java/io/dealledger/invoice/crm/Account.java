package io.dealledger.invoice.crm;

/** A CRM account: who is billed, where (for tax), and by which legal entity (for routing). */
public record Account(String id, String name, String legalEntity, String billingStreet, String billingCity,
                      String billingState, String billingCode, String billingCountry, String booksCustomerId) {
}
