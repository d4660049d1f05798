package io.dealledger.invoice.routing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which Books organization invoices an account (prefix {@code dealledger.invoice}); every default is in
 * application.yml, and a wrong setting fails start-up naming its key.
 *
 * @param organizations                 legal entity (the account's {@code Legal_Entity}) → Books organization id
 * @param defaultOrganization           Books organization id for an account without a legal entity; empty: the one
 *                                      org of {@code organizations} when it names exactly one, else such an account is
 *                                      refused
 * @param organizationsFromCrmVariables also read legal entity → org id and region → tax from CRM Variables, overlaying
 *                                      {@code organizations} and {@code tax}
 * @param crmVariablePrefix             api_name prefix of those variables, every run of non-alphanumerics as one {@code _}:
 *                                      prefix + legal entity ("Acme Robotics Inc." → {@code Books_Org_Acme_Robotics_Inc}),
 *                                      prefix + {@code tax_} + org id + {@code _} + region ({@code Books_Org_tax_10234695_US_OR})
 */
@ConfigurationProperties("dealledger.invoice")
public record RoutingProperties(
        Map<String, String> organizations,
        String defaultOrganization,
        boolean organizationsFromCrmVariables,
        String crmVariablePrefix) {

    public RoutingProperties {
        organizations = organizations == null ? Map.of() : Map.copyOf(organizations);
        defaultOrganization = notBlank(defaultOrganization) ? defaultOrganization.trim() : null;
        if (defaultOrganization != null && !defaultOrganization.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("dealledger.invoice.default-organization must be a Books organization id"
                    + " (digits), or empty (got " + defaultOrganization + ")");
        }
        if (organizationsFromCrmVariables && !notBlank(crmVariablePrefix)) {
            throw new IllegalArgumentException("dealledger.invoice.crm-variable-prefix must be the api_name prefix of"
                    + " the CRM Variables naming Books organizations and taxes");
        }
    }

    /**
     * Where an account without a legal entity is invoiced: the configured default, else the only org configured
     * (one org needs no {@code Legal_Entity}); empty when several orgs are configured and none is the default.
     */
    public Optional<String> organizationWithoutLegalEntity() {
        if (defaultOrganization != null) {
            return Optional.of(defaultOrganization);
        }
        Set<String> orgs = organizations.values().stream().filter(RoutingProperties::notBlank).map(String::trim)
                .collect(Collectors.toSet());
        return orgs.size() == 1 ? Optional.of(orgs.iterator().next()) : Optional.empty();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
