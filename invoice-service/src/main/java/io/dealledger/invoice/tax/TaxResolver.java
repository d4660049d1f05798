package io.dealledger.invoice.tax;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.push.Rejection;
import io.dealledger.zoho.books.BooksRecords.Tax;

/**
 * The tax of an invoice: the account's billing region → the configured Books tax rate, checked against
 * the org's taxes, and the tax authority US/CA-edition orgs require (configured, else the one the tax
 * rate carries). An unmapped region is a rejection naming it, never an invoice Books would refuse.
 */
public final class TaxResolver {

    /** The tax to put on each taxable line, and the authority to put on the invoice (null: none needed). */
    public record Resolved(String taxId, String taxAuthorityId, Region region) {
    }

    public record Result(Resolved resolved, Rejection rejection) {
    }

    private final TaxTable table;
    private final List<String> authorityEditions;
    private final BooksCaches caches;

    public TaxResolver(TaxTable table, List<String> authorityEditions, BooksCaches caches) {
        this.table = table;
        this.authorityEditions = authorityEditions.stream().map(e -> e.toUpperCase(Locale.ROOT)).toList();
        this.caches = caches;
    }

    /** The region the account is billed in, or a rejection naming the fields to fix. */
    public static Result region(Account account, String organizationId, TaxTable table) {
        Optional<Region> region = Region.of(account.billingCountry(), account.billingState());
        if (region.isEmpty()) {
            return new Result(null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED, "Billing_Country",
                    "account '" + account.name() + "' has billing country '" + account.billingCountry()
                            + "', which is not a known country: set Billing_Country (and Billing_State)"));
        }
        if (table.lookup(organizationId, region.get()).isEmpty()) {
            return new Result(null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED, "Billing_State",
                    "no tax mapping for " + region.get().key() + " in organization " + organizationId
                            + " (account '" + account.name() + "', billing state '" + account.billingState()
                            + "', country '" + account.billingCountry() + "'): add dealledger.invoice.tax."
                            + organizationId + "." + region.get().key() + " or correct the account's billing address"));
        }
        return new Result(new Resolved(null, null, region.get()), null);
    }

    public Result resolve(OrgBooks books, Account account) {
        Result region = region(account, books.organizationId(), table);
        if (region.rejection() != null) {
            return region;
        }
        Region where = region.resolved().region();
        TaxMapping mapping = table.lookup(books.organizationId(), where).orElseThrow();
        if (!mapping.taxed()) {
            return new Result(new Resolved(null, null, where), null);
        }
        Tax tax = taxes(books).get(mapping.taxId());
        if (tax == null) {
            return new Result(null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED, "tax-id",
                    "the tax " + mapping.taxId() + " configured for " + where.key() + " does not exist in Books"
                            + " organization " + books.organizationId() + ": fix dealledger.invoice.tax."
                            + books.organizationId() + "." + where.key() + ".tax-id"));
        }
        if (!authorityEditions.contains(edition(books).toUpperCase(Locale.ROOT))) {
            return new Result(new Resolved(tax.taxId(), null, where), null);
        }
        String authority = blank(mapping.taxAuthorityId()) ? tax.taxAuthorityId() : mapping.taxAuthorityId();
        if (blank(authority)) {
            return new Result(null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED, "tax-authority-id",
                    "no tax authority for " + where.key() + " in organization " + books.organizationId()
                            + ", whose edition requires one: add dealledger.invoice.tax." + books.organizationId()
                            + "." + where.key() + ".tax-authority-id"));
        }
        return new Result(new Resolved(tax.taxId(), authority, where), null);
    }

    private Map<String, Tax> taxes(OrgBooks books) {
        return caches.taxes(books.organizationId(), org -> books.taxes().stream()
                .collect(Collectors.toMap(Tax::taxId, Function.identity(), (a, b) -> a)));
    }

    private String edition(OrgBooks books) {
        String org = books.organizationId();
        return caches.edition(org, key -> {
            String found = "";
            for (var organization : books.organizations()) {
                String edition = organization.edition() == null ? "" : organization.edition();
                caches.rememberEdition(organization.organizationId(), edition);
                if (org.equals(organization.organizationId())) {
                    found = edition;
                }
            }
            return found;
        });
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
