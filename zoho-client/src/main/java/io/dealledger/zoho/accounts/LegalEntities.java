package io.dealledger.zoho.accounts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Books organization invoices a legal entity (an account's {@link DealAccount#legalEntity}), the same for every
 * service: each passes its configured map (and, where it reads them, CRM Variables). Names are compared as people
 * type them: case, surrounding and repeated spaces do not matter ("acme robotics inc." is "Acme Robotics Inc.").
 */
public final class LegalEntities {

    private LegalEntities() {
    }

    /**
     * The org id for {@code legalEntity}: a CRM Variable named {@code prefix + legal entity} wins over the
     * configured map, so an admin can re-route from CRM without a deployment.
     */
    public static Optional<String> organizationOf(String legalEntity, Map<String, String> configured,
                                                  Map<String, String> crmVariables, String variablePrefix) {
        if (legalEntity == null || legalEntity.isBlank()) {
            return Optional.empty();
        }
        if (variablePrefix != null) {
            String fromCrm = crmVariables.get(variableName(variablePrefix, legalEntity));
            if (fromCrm != null && !fromCrm.isBlank()) {
                return Optional.of(fromCrm.trim());
            }
        }
        String wanted = normalize(legalEntity);
        return configured.entrySet().stream().filter(e -> normalize(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue).filter(org -> org != null && !org.isBlank()).map(String::trim).findFirst();
    }

    /** "Acme Robotics Inc." with prefix Books_Org_ → {@code Books_Org_Acme_Robotics_Inc}. */
    public static String variableName(String prefix, String legalEntity) {
        String body = legalEntity.trim().replaceAll("[^\\p{Alnum}]+", "_").replaceAll("^_+|_+$", "");
        return prefix + body;
    }

    static String normalize(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
