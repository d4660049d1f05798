package io.dealledger.invoice.tax;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.zoho.books.BooksRecords.Organization;

/**
 * Whether a Books organization's taxed invoices need a tax authority. Books has no "edition" field: its tax
 * rules follow the organization's country (US orgs file sales tax per tax authority, Canadian ones per tax
 * agency; zoho.com/books/kb/taxes/tax-difference), which only {@code GET /organizations/{id}} carries, as
 * {@code address.country}. A per-org setting overrides the country, for an org whose country does not say.
 */
public final class TaxAuthorityRequirement {

    /** How a requirement was decided, for the rejection that names where to change it. */
    public record Decision(boolean required, String reason) {
    }

    private final Map<String, Boolean> overrides;
    private final Set<String> countries;
    private final BooksCaches caches;

    /** {@code countries}: ISO codes (US, CA) whose orgs need authorities; {@code overrides}: org id → required. */
    public TaxAuthorityRequirement(Set<String> countries, Map<String, Boolean> overrides, BooksCaches caches) {
        this.countries = countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        this.overrides = Map.copyOf(overrides);
        this.caches = caches;
    }

    public Decision of(OrgBooks books) {
        String org = books.organizationId();
        Boolean override = overrides.get(org);
        if (override != null) {
            return new Decision(override, "configuration dealledger.invoice.tax-authority-required." + org);
        }
        Organization organization = caches.organization(org, key -> books.organization());
        String country = organization == null ? null : Places.country(organization.country());
        if (country == null) {
            // not knowing is not requiring: an authority mapped or carried by the tax is still sent, and Books
            // names the missing field if it wants one
            return new Decision(false, "organization " + org + " whose country Books does not give");
        }
        return new Decision(countries.contains(country), "organization " + org + " in " + country);
    }
}
