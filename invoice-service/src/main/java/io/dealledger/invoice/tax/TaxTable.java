package io.dealledger.invoice.tax;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tax of each region per Books organization: configured, overlaid by CRM Variables where an
 * integrator adds a mapping without a deployment. A state-level entry wins over the country-level one,
 * so "GB" covers the whole UK while "US-CA" and "US-NY" differ; at each level a variable wins.
 *
 * <p>A variable is named {@code <prefix>tax_<orgId>_<REGION>} with the region key's non-alphanumerics as
 * {@code _} (CRM api_names hold letters, digits and underscores only): {@code US-TX} in org 10234695 is
 * {@code Books_Org_tax_10234695_US_TX}. Its value is {@code <taxId>}, {@code <taxId>/<taxAuthorityId>} or
 * {@code exempt}.
 */
public final class TaxTable {

    /**
     * A mapping and where it was found, so a message can say where to fix it: the configuration key
     * ({@code dealledger.invoice.tax.<org>.<region>}) or {@code CRM Variable <api_name>}.
     */
    public record Found(TaxMapping mapping, String source) {
    }

    private static final String EXEMPT = "exempt";

    private final Map<String, Map<String, TaxMapping>> byOrg = new HashMap<>();
    private final String variablePrefix;

    /** {@code variablePrefix} null: CRM Variables are not read. */
    public TaxTable(Map<String, Map<String, TaxMapping>> configured, String variablePrefix) {
        configured.forEach((org, regions) -> {
            Map<String, TaxMapping> keyed = new HashMap<>();
            regions.forEach((region, mapping) -> keyed.put(region.toUpperCase(Locale.ROOT), mapping));
            byOrg.put(org, keyed);
        });
        this.variablePrefix = variablePrefix;
    }

    public TaxTable(Map<String, Map<String, TaxMapping>> configured) {
        this(configured, null);
    }

    /** The configured mapping alone. */
    public Optional<TaxMapping> lookup(String organizationId, Region region) {
        return lookup(organizationId, region, Map.of()).map(Found::mapping);
    }

    /** The mapping of the region in the org, CRM {@code variables} (api_name → value) overlaying the configuration. */
    public Optional<Found> lookup(String organizationId, Region region, Map<String, String> variables) {
        Optional<Found> exact = at(organizationId, region, variables);
        return exact.isPresent() || region.subdivision() == null ? exact
                : at(organizationId, region.countryOnly(), variables);
    }

    public boolean readsVariables() {
        return variablePrefix != null;
    }

    /** {@code Books_Org_tax_10234695_US_TX} for US-TX in org 10234695 with prefix Books_Org_. */
    public String variableName(String organizationId, Region region) {
        String body = region.key().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return variablePrefix + "tax_" + organizationId + "_" + body;
    }

    /** Where a person adds the region's mapping: the configuration key, and the CRM Variable when those are read. */
    public String howToAdd(String organizationId, Region region) {
        String key = configKey(organizationId, region);
        return readsVariables()
                ? "add " + key + " to the configuration, or a CRM Variable " + variableName(organizationId, region)
                        + " whose value is <taxId>, <taxId>/<taxAuthorityId> or exempt"
                : "add " + key + " to the configuration";
    }

    static String configKey(String organizationId, Region region) {
        return "dealledger.invoice.tax." + organizationId + "." + region.key();
    }

    private Optional<Found> at(String organizationId, Region region, Map<String, String> variables) {
        if (readsVariables()) {
            String name = variableName(organizationId, region);
            Optional<TaxMapping> fromCrm = variables.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .map(e -> parse(e.getValue())).flatMap(Optional::stream).findFirst();
            if (fromCrm.isPresent()) {
                return Optional.of(new Found(fromCrm.get(), "CRM Variable " + name));
            }
        }
        TaxMapping configured = byOrg.getOrDefault(organizationId, Map.of()).get(region.key());
        return configured == null ? Optional.empty()
                : Optional.of(new Found(configured, configKey(organizationId, region)));
    }

    /** {@code exempt}, {@code <taxId>} or {@code <taxId>/<taxAuthorityId>}; a blank value maps nothing. */
    static Optional<TaxMapping> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.equalsIgnoreCase(EXEMPT)) {
            return Optional.of(new TaxMapping("", null));
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.of(new TaxMapping(text, null));
        }
        String authority = text.substring(slash + 1).trim();
        return Optional.of(new TaxMapping(text.substring(0, slash).trim(), authority.isEmpty() ? null : authority));
    }
}
