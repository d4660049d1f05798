package io.dealledger.invoice.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.tax.TaxMapping;
import io.dealledger.invoice.tax.TaxProperties;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Organization;
import io.dealledger.zoho.books.BooksRecords.Tax;
import io.dealledger.zoho.books.BooksRecords.TaxAuthority;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;

/**
 * The doctor's two tax checks: the configured table names taxes Books has, and every account with an open deal is
 * billed in a region its organization maps (the table, or a {@code Books_Org_tax_} Variable), as the invoice push
 * would find it ({@link TaxResolver#region}, no Books call).
 */
final class TaxChecks {

    /** Deals still to be invoiced: neither lost stage of CRM's standard pipeline. */
    static final String OPEN_DEALS = "((Stage:not_equal:Closed Lost)and(Stage:not_equal:Closed-Lost to Competition))";
    /** The most accounts read (one CRM call each); the check says when it looked at fewer than there are. */
    static final int MAX_ACCOUNTS = 200;

    private final TaxProperties configured;
    private final CrmClient crm;
    private final DealReader deals;
    private final OrganizationRouter router;
    private final TaxResolver taxes;
    private final Duration timeout;

    TaxChecks(TaxProperties configured, CrmClient crm, DealReader deals, OrganizationRouter router,
              TaxResolver taxes, Duration timeout) {
        this.configured = configured;
        this.crm = crm;
        this.deals = deals;
        this.router = router;
        this.taxes = taxes;
        this.timeout = timeout;
    }

    /** The configured table's tax and authority ids exist in their Books organizations. */
    SetupCheck table(BooksClient books, Set<String> configuredOrgs, Map<String, Organization> orgs) {
        List<String> wrong = new ArrayList<>();
        int mappings = 0;
        for (String org : new TreeSet<>(configuredOrgs)) {
            Map<String, TaxMapping> table = configured.tax().getOrDefault(org, Map.of());
            if (table.isEmpty() || !orgs.containsKey(org)) {
                continue;
            }
            Set<String> taxIds = books.listTaxes(org).map(Tax::taxId).collect(Collectors.toSet()).block(timeout);
            Set<String> authorities = books.listTaxAuthorities(org).map(TaxAuthority::taxAuthorityId)
                    .collect(Collectors.toSet()).block(timeout);
            for (Map.Entry<String, TaxMapping> region : table.entrySet()) {
                TaxMapping mapping = region.getValue();
                mappings++;
                if (mapping.taxed() && !taxIds.contains(mapping.taxId())) {
                    wrong.add(org + " " + region.getKey() + ": tax " + mapping.taxId());
                }
                if (mapping.taxAuthorityId() != null && !mapping.taxAuthorityId().isBlank()
                        && !authorities.contains(mapping.taxAuthorityId())) {
                    wrong.add(org + " " + region.getKey() + ": tax authority " + mapping.taxAuthorityId());
                }
            }
        }
        if (!wrong.isEmpty()) {
            return SetupCheck.fail("Tax table", "not in Books: " + String.join(", ", wrong),
                    "use ids of GET /settings/taxes and /settings/taxauthorities in dealledger.invoice.tax"
                            + " (or the Books_Org_tax_ Variables)");
        }
        return SetupCheck.pass("Tax table", mappings + " region mappings name taxes Books has");
    }

    /**
     * Every account with an open deal has a tax mapping for its billing region in the organization it is routed to.
     * A gap stops invoicing for that account only, so it warns, naming each account and the Variable that fixes it.
     */
    SetupCheck regionsOfOpenDeals() {
        Set<String> accountIds = new LinkedHashSet<>();
        crm.search("Deals", OPEN_DEALS).map(deal -> Optional.ofNullable(deal.lookupId("Account_Name")))
                .filter(Optional::isPresent).map(Optional::get).toStream().forEach(accountIds::add);
        List<String> unmapped = new ArrayList<>();
        Set<String> regions = new TreeSet<>();
        int checked = 0;
        for (String accountId : accountIds) {
            if (checked == MAX_ACCOUNTS) {
                break;
            }
            Optional<Account> account = deals.account(accountId);
            Optional<String> org = account.flatMap(a -> router.organizationOf(a.legalEntity()));
            if (account.isEmpty() || org.isEmpty()) {
                continue; // a deal without a readable account, or one the routing check names
            }
            checked++;
            TaxResolver.Result result = taxes.region(account.get(), org.get());
            if (result.rejection() != null) {
                unmapped.add("'" + account.get().name() + "' (" + result.rejection().message() + ")");
            } else {
                regions.add(org.get() + " " + result.resolved().region().key());
            }
        }
        String looked = checked + " accounts with open deals" + (accountIds.size() > checked
                ? " (of " + accountIds.size() + ": the first " + MAX_ACCOUNTS + " are checked)" : "");
        if (!unmapped.isEmpty()) {
            return SetupCheck.warn("Tax regions of open deals", looked + "; no tax mapping for "
                    + String.join("; ", unmapped), "map each region in dealledger.invoice.tax or add the CRM Variable"
                    + " named above (docs/zoho-setup.md §4); until then those deals' invoice requests are refused");
        }
        return SetupCheck.pass("Tax regions of open deals", looked + ", billed in " + regions.size()
                + " mapped regions" + (regions.isEmpty() ? "" : ": " + String.join(", ", regions)));
    }
}
