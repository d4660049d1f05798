package io.dealledger.invoice.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.books.OrgBooks;
import io.dealledger.zoho.accounts.AccountFields;
import io.dealledger.zoho.books.BooksRecords.Organization;
import org.junit.jupiter.api.Test;

/**
 * Whether taxed invoices need a tax authority, from what Books exposes: the organization's country
 * ({@code address.country} of GET /organizations/{id}, "U.S.A" in Zoho's example), with a per-org override.
 */
class TaxAuthorityRequirementTest {

    private final BooksCaches caches = new BooksCaches(Duration.ofMinutes(10), Clock.systemUTC());
    private final TaxAuthorityRequirement requirement = new TaxAuthorityRequirement(Set.of("US", "CA"),
            Map.of("30000003", false), caches);

    @Test
    void anOrganizationInTheUsaOrCanadaNeedsOne() {
        // mismatch 4: decided by an "edition" field Books does not have, a real US org never got its authority
        assertThat(requirement.of(org("10229182", "U.S.A")).required()).isTrue();
        assertThat(requirement.of(org("10229183", "Canada")).required()).isTrue();
    }

    @Test
    void anOrganizationElsewhereOrWithoutACountryDoesNot() {
        assertThat(requirement.of(org("20876543", "United Kingdom")).required()).isFalse();
        assertThat(requirement.of(org("20876544", "")).required()).isFalse();
        assertThat(requirement.of(org("20876544", "")).reason()).contains("country Books does not give");
    }

    @Test
    void theConfigurationOverridesTheCountry() {
        TaxAuthorityRequirement.Decision decision = requirement.of(org("30000003", "U.S.A"));

        assertThat(decision.required()).isFalse();
        assertThat(decision.reason()).contains("tax-authority-required.30000003");
    }

    /** The org as Books answers GET /organizations/{id}, already cached (so the OrgBooks never calls Books). */
    private OrgBooks org(String id, String country) {
        caches.organization(id, key -> new Organization(id, "Org " + id, "USD", "982000000000190", country));
        return new OrgBooks(null, id, Duration.ofSeconds(1), AccountFields.DEFAULTS);
    }
}
