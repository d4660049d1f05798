package io.dealledger.invoice.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RequiredScopesTest {

    @Test
    void broaderScopesCoverTheNarrowOnesIgnoringCase() {
        assertThat(RequiredScopes.missing(Set.of("zohobooks.FULLACCESS.all", "ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL",
                "ZohoCRM.notifications.ALL", "ZohoCliq.Webhooks.CREATE"))).isEmpty();
    }

    @Test
    void whatIsMissingIsNamedInOrder() {
        assertThat(RequiredScopes.missing(Set.of("ZohoBooks.invoices.ALL", "ZohoCRM.settings.variables.READ")))
                .extracting(RequiredScopes.Scope::name).containsExactly("ZohoBooks.contacts.ALL", "ZohoBooks.settings.ALL",
                        "ZohoBooks.customerpayments.READ", "ZohoBooks.creditnotes.ALL", "ZohoCRM.modules.ALL",
                        "ZohoCRM.settings.fields.READ", "ZohoCRM.settings.automation_actions.READ", "ZohoCRM.notifications.ALL",
                        "ZohoCliq.Webhooks.CREATE");
    }
}
