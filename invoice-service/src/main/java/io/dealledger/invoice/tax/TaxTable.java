package io.dealledger.invoice.tax;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured tax of each region per Books organization. A state-level entry wins over the
 * country-level one, so "GB" covers the whole UK while "US-CA" and "US-NY" differ.
 */
public final class TaxTable {

    private final Map<String, Map<String, TaxMapping>> byOrg = new HashMap<>();

    public TaxTable(Map<String, Map<String, TaxMapping>> configured) {
        configured.forEach((org, regions) -> {
            Map<String, TaxMapping> keyed = new HashMap<>();
            regions.forEach((region, mapping) -> keyed.put(region.toUpperCase(Locale.ROOT), mapping));
            byOrg.put(org, keyed);
        });
    }

    public Optional<TaxMapping> lookup(String organizationId, Region region) {
        Map<String, TaxMapping> regions = byOrg.getOrDefault(organizationId, Map.of());
        TaxMapping exact = regions.get(region.key());
        return Optional.ofNullable(exact != null ? exact : regions.get(region.countryOnly().key()));
    }
}
