package io.dealledger.zoho.accounts;

import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;
import reactor.core.publisher.Mono;

/**
 * A deal's account, read from CRM: the deal, then the account its lookup names (two CRM calls). The one reading of
 * "which account is this deal's" for every service, with the field names of the deployment.
 */
public final class DealAccounts {

    private final CrmClient crm;
    private final AccountFields fields;

    public DealAccounts(CrmClient crm, AccountFields fields) {
        this.crm = crm;
        this.fields = fields;
    }

    public AccountFields fields() {
        return fields;
    }

    /**
     * The deal and its account; empty when CRM has no deal. A deal without account, or whose account CRM no longer
     * has, comes with a null account: for the caller to refuse with its own words.
     */
    public Mono<DealAccount> ofDeal(String dealId) {
        return crm.getRecord("Deals", dealId).flatMap(deal -> {
            String accountId = deal.lookupId(fields.dealAccount());
            Mono<CrmRecord> account = accountId == null ? Mono.empty() : crm.getRecord("Accounts", accountId);
            return account.map(found -> new DealAccount(deal, found, fields))
                    .defaultIfEmpty(new DealAccount(deal, null, fields));
        });
    }
}
