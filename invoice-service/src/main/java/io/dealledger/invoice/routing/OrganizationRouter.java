package io.dealledger.invoice.routing;

import java.util.Map;
import java.util.Optional;

import io.dealledger.invoice.crm.Account;
import io.dealledger.invoice.crm.CrmFields;
import io.dealledger.invoice.crm.CrmVariables;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.zoho.accounts.LegalEntities;

/**
 * Routes an account's legal entity to its Books organization: configuration, overlaid by CRM Variables. An account
 * without a legal entity goes to the default organization, or to the only one configured; a legal entity that is
 * set but mapped nowhere is refused even then, since it names an org the admin has not configured.
 */
public class OrganizationRouter {

    private final RoutingProperties properties;
    private final CrmFields crm;
    private final CrmVariables variables;

    public OrganizationRouter(RoutingProperties properties, CrmFields crm, CrmVariables variables) {
        this.properties = properties;
        this.crm = crm;
        this.variables = variables;
    }

    public Optional<String> organizationOf(String legalEntity) {
        if (legalEntity == null || legalEntity.isBlank()) {
            return properties.organizationWithoutLegalEntity();
        }
        if (!variables.enabled()) {
            return LegalEntities.organizationOf(legalEntity, properties.organizations(), Map.of(), null);
        }
        Optional<String> found = LegalEntities.organizationOf(legalEntity, properties.organizations(),
                variables.cached(), properties.crmVariablePrefix());
        if (found.isPresent()) {
            return found;
        }
        return LegalEntities.organizationOf(legalEntity, properties.organizations(), variables.fresh(),
                properties.crmVariablePrefix());
    }

    /** Why the account cannot be routed: no legal entity (a CRM field to fill in), or one no org is mapped to. */
    public Rejection unrouted(Account account) {
        String field = crm.legalEntityField();
        String entity = account.legalEntity();
        if (entity == null || entity.isBlank()) {
            return Rejection.of(Rejection.Code.LEGAL_ENTITY_UNMAPPED, FailureCategory.CRM_FIELD_MISSING, field,
                    "account '" + account.name() + "' has no legal entity: set " + field
                            + " so the right Books organization is used, or set dealledger.invoice.default-organization"
                            + " (INVOICE_DEFAULT_ORGANIZATION) for accounts without one");
        }
        return Rejection.of(Rejection.Code.LEGAL_ENTITY_UNMAPPED, field, "legal entity '" + entity + "' of account '"
                + account.name() + "' has no Books organization: configure " + howToConfigure(entity));
    }

    /** Where to configure the legal entity, for the rejection message. */
    String howToConfigure(String legalEntity) {
        String where = "dealledger.invoice.organizations[" + legalEntity + "]";
        return variables.enabled()
                ? where + " or the CRM Variable " + LegalEntities.variableName(properties.crmVariablePrefix(), legalEntity)
                : where;
    }
}
