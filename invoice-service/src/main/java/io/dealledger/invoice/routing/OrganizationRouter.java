package io.dealledger.invoice.routing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.dealledger.invoice.InvoiceProperties;
import io.dealledger.invoice.cache.TtlCache;
import io.dealledger.zoho.crm.CrmClient;

/** Routes an account's legal entity to its Books organization: configuration, overlaid by CRM Variables. */
public class OrganizationRouter {

    private final InvoiceProperties properties;
    private final CrmClient crm;
    private final TtlCache<String, Map<String, String>> variables;
    private final Duration timeout;

    public OrganizationRouter(InvoiceProperties properties, CrmClient crm, TtlCache<String, Map<String, String>> variables,
                              Duration timeout) {
        this.properties = properties;
        this.crm = crm;
        this.variables = variables;
        this.timeout = timeout;
    }

    public Optional<String> organizationOf(String legalEntity) {
        if (!properties.organizationsFromCrmVariables()) {
            return LegalEntities.organizationOf(legalEntity, properties.organizations(), Map.of(), null);
        }
        Map<String, String> fromCrm = variables.get("variables", key -> crm.variables().block(timeout));
        return LegalEntities.organizationOf(legalEntity, properties.organizations(),
                fromCrm == null ? Map.of() : fromCrm, properties.crmVariablePrefix());
    }

    /** Where to configure the legal entity, for the rejection message. */
    public String howToConfigure(String legalEntity) {
        String where = "dealledger.invoice.organizations[" + legalEntity + "]";
        return properties.organizationsFromCrmVariables()
                ? where + " or the CRM Variable " + LegalEntities.variableName(properties.crmVariablePrefix(), legalEntity)
                : where;
    }
}
