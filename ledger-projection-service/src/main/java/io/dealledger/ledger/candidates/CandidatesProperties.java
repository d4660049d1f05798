package io.dealledger.ledger.candidates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a deal's Books customer is found (prefix {@code dealledger.ledger.candidates}); the legal entity → org map
 * is {@code dealledger.ledger.organizations}.
 *
 * @param accountCustomerField the CRM account field holding the Books customer (contact) id
 * @param contactAccountField  the Books contact custom field holding the CRM account id
 * @param legalEntityField     the CRM account field naming the legal entity that picks the Books organization
 */
@ConfigurationProperties("dealledger.ledger.candidates")
public record CandidatesProperties(@DefaultValue("Books_Customer_Id") String accountCustomerField,
                                   @DefaultValue("cf_crm_account_id") String contactAccountField,
                                   @DefaultValue("Legal_Entity") String legalEntityField) {
}
