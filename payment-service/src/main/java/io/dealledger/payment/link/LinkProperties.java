package io.dealledger.payment.link;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a deal's Books customer is found when an invoice is linked, and which invoices are linked by themselves
 * (prefix {@code dealledger.payment.link}); every default is in application.yml.
 *
 * @param dealAccountField     CRM Deals lookup to the account
 * @param accountCustomerField CRM Accounts field holding the Books customer id
 * @param contactAccountField  Books contact custom field holding the CRM account id
 * @param auto                 whether a Books invoice naming its CRM deal is linked to it ({@link AutoLinks})
 * @param invoiceDealField     Books invoice custom field naming the deal, after Books' own {@code zcrm_potential_id}
 * @param invoiceRequestField  Books invoice custom field carrying the request id of an invoice dealledger issued
 */
@ConfigurationProperties("dealledger.payment.link")
public record LinkProperties(@DefaultValue("Account_Name") String dealAccountField,
                             @DefaultValue("Books_Customer_Id") String accountCustomerField,
                             @DefaultValue("cf_crm_account_id") String contactAccountField,
                             @DefaultValue("true") boolean auto,
                             @DefaultValue("cf_crm_deal_id") String invoiceDealField,
                             @DefaultValue("cf_dealledger_request_id") String invoiceRequestField) {
}
