package io.dealledger.invoice.crm;

import java.time.Duration;
import java.util.Map;

import io.dealledger.invoice.cache.TtlCache;
import io.dealledger.zoho.crm.CrmClient;

/**
 * The CRM org's Variables (Setup → Developer Hub → Variables) by api_name, where an integrator maps legal
 * entities to Books organizations and regions to taxes without a deployment. Read once per TTL; a mapping
 * that is missing from the cached read is looked for again in a fresh one, so a variable added to fix a
 * rejection counts at once (a changed value counts after the TTL). Empty when reading them is switched off.
 */
public class CrmVariables {

    private static final String KEY = "variables";

    private final CrmClient crm;
    private final TtlCache<String, Map<String, String>> cache;
    private final boolean enabled;
    private final Duration timeout;

    public CrmVariables(CrmClient crm, TtlCache<String, Map<String, String>> cache, boolean enabled, Duration timeout) {
        this.crm = crm;
        this.cache = cache;
        this.enabled = enabled;
        this.timeout = timeout;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The variables as last read (read now when the TTL has run out). */
    public Map<String, String> cached() {
        return enabled ? orEmpty(cache.get(KEY, key -> crm.variables().block(timeout))) : Map.of();
    }

    /** The variables read now, remembered for the next TTL. */
    public Map<String, String> fresh() {
        if (!enabled) {
            return Map.of();
        }
        Map<String, String> read = orEmpty(crm.variables().block(timeout));
        cache.put(KEY, read);
        return read;
    }

    private static Map<String, String> orEmpty(Map<String, String> variables) {
        return variables == null ? Map.of() : variables;
    }
}
