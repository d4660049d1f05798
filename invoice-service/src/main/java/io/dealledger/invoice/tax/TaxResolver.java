package io.dealledger.invoice.tax;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.crm.CrmVariables;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.zoho.books.BooksRecords.Tax;
import io.dealledger.zoho.books.BooksRecords.TaxAuthority;

/**
 * The tax of an invoice: the account's billing region → the Books tax rate mapped in the tax table
 * (configuration, overlaid by CRM Variables), checked against the org's taxes, and its tax authority (mapped,
 * else the one the tax rate carries), sent whenever one is known and required where the org's country needs
 * one ({@link TaxAuthorityRequirement}). An unmapped region is a rejection naming it and both ways to map it,
 * never an invoice Books would refuse.
 */
public final class TaxResolver {

    /**
     * The tax to put on each taxable line (null: not taxed) and the authority to put on the invoice (null:
     * none needed), with the region and where its mapping was found.
     */
    public record Resolved(Region region, String source, Tax tax, String taxAuthorityId) {
        public String taxId() {
            return tax == null ? null : tax.taxId();
        }
    }

    public record Result(Resolved resolved, Rejection rejection) {
    }

    private final TaxTable table;
    private final CrmVariables variables;
    private final TaxAuthorityRequirement authorities;
    private final BooksCaches caches;

    public TaxResolver(TaxTable table, CrmVariables variables, TaxAuthorityRequirement authorities, BooksCaches caches) {
        this.table = table;
        this.variables = variables;
        this.authorities = authorities;
        this.caches = caches;
    }

    /** The region the account is billed in and where it is mapped, or a rejection naming what to fix. No Books call. */
    public Result region(Account account, String organizationId) {
        Located located = locate(account, organizationId);
        return located.rejection() != null ? new Result(null, located.rejection())
                : new Result(new Resolved(located.region(), located.found().source(), null, null), null);
    }

    /** The tax and authority of the account's invoices in the org; taxes and the org come from the caches. */
    public Result resolve(OrgBooks books, Account account) {
        Located located = locate(account, books.organizationId());
        if (located.rejection() != null) {
            return new Result(null, located.rejection());
        }
        Region where = located.region();
        String source = located.found().source();
        TaxMapping mapping = located.found().mapping();
        if (!mapping.taxed()) {
            return new Result(new Resolved(where, source, null, null), null);
        }
        Tax tax = taxes(books).get(mapping.taxId());
        if (tax == null) {
            return new Result(null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED, "tax-id",
                    "the tax " + mapping.taxId() + " mapped for " + where.key() + " by " + source
                            + " does not exist in Books organization " + books.organizationId() + ": correct "
                            + source + " (Books → Settings → Taxes lists the tax ids)"));
        }
        String authority = blank(mapping.taxAuthorityId()) ? tax.taxAuthorityId() : mapping.taxAuthorityId();
        if (blank(authority)) {
            TaxAuthorityRequirement.Decision needed = authorities.of(books);
            if (!needed.required()) {
                return new Result(new Resolved(where, source, tax, null), null);
            }
            return new Result(null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED, "tax-authority-id",
                    "no tax authority for " + where.key() + " in organization " + books.organizationId()
                            + ", which needs one (" + needed.reason() + "): add it to " + source
                            + " (configuration: tax-authority-id; CRM Variable: <taxId>/<taxAuthorityId>)"));
        }
        return new Result(new Resolved(where, source, tax, authority), null);
    }

    /**
     * The authority's name, for people: the tax rate's own authority costs nothing; another is looked up in
     * the org's authorities (one Books call, then cached).
     */
    public String authorityName(OrgBooks books, Resolved resolved) {
        if (resolved.taxAuthorityId() == null) {
            return null;
        }
        if (resolved.tax() != null && resolved.taxAuthorityId().equals(resolved.tax().taxAuthorityId())
                && !blank(resolved.tax().taxAuthorityName())) {
            return resolved.tax().taxAuthorityName();
        }
        TaxAuthority authority = caches.taxAuthorities(books.organizationId(), org -> books.taxAuthorities().stream()
                .collect(Collectors.toMap(TaxAuthority::taxAuthorityId, Function.identity(), (a, b) -> a)))
                .get(resolved.taxAuthorityId());
        return authority == null ? null : authority.taxAuthorityName();
    }

    private record Located(Region region, TaxTable.Found found, Rejection rejection) {
    }

    private Located locate(Account account, String organizationId) {
        Optional<Region> region = Region.of(account.billingCountry(), account.billingState());
        if (region.isEmpty()) {
            return new Located(null, null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED,
                    FailureCategory.CRM_FIELD_MISSING, "Billing_Country", "account '" + account.name()
                            + "' has billing country '" + account.billingCountry() + "', which is not a known country:"
                            + " set Billing_Country (and Billing_State)"));
        }
        Optional<TaxTable.Found> found = mapping(organizationId, region.get());
        if (found.isEmpty()) {
            return new Located(region.get(), null, Rejection.of(Rejection.Code.TAX_REGION_UNMAPPED, "Billing_State",
                    "no tax mapping for " + region.get().key() + " in organization " + organizationId
                            + " (account '" + account.name() + "', billing state '" + account.billingState()
                            + "', country '" + account.billingCountry() + "'): "
                            + table.howToAdd(organizationId, region.get())
                            + "; or correct the account's billing address"));
        }
        return new Located(region.get(), found.get(), null);
    }

    /** A mapping missing from the cached CRM Variables is looked for in a fresh read: it may just have been added. */
    private Optional<TaxTable.Found> mapping(String organizationId, Region region) {
        Optional<TaxTable.Found> found = table.lookup(organizationId, region, variables.cached());
        return found.isPresent() || !table.readsVariables() ? found
                : table.lookup(organizationId, region, variables.fresh());
    }

    private Map<String, Tax> taxes(OrgBooks books) {
        return caches.taxes(books.organizationId(), org -> books.taxes().stream()
                .collect(Collectors.toMap(Tax::taxId, Function.identity(), (a, b) -> a)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
