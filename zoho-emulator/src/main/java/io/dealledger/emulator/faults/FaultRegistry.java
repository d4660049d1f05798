package io.dealledger.emulator.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.json.JsonBody;

/**
 * Fault settings by scope: {@code global}, a Books organization id, or one of {@code crm}, {@code cliq},
 * {@code oauth}. A request uses its own scope's settings when set, else the global ones.
 */
@Component
public class FaultRegistry implements io.dealledger.emulator.reset.Resettable {

    public static final String GLOBAL = "global";

    private final Map<String, FaultSettings> scopes = new ConcurrentHashMap<>();
    private final long seed;
    private Random random;
    private final Map<String, Random> streams = new ConcurrentHashMap<>();

    public FaultRegistry(EmulatorProperties properties) {
        this.seed = properties.faults().randomSeed();
        this.random = new Random(seed);
    }

    /** The settings of the first of the given scopes that has any, else the global ones. */
    public FaultSettings forScopes(String... candidates) {
        for (String scope : candidates) {
            FaultSettings specific = scope == null ? null : scopes.get(scope);
            if (specific != null) {
                return specific;
            }
        }
        return scopes.getOrDefault(GLOBAL, FaultSettings.NONE);
    }

    public FaultSettings update(String scope, JsonBody patch) {
        return scopes.compute(scope, (key, existing) -> (existing == null ? FaultSettings.NONE : existing).patched(patch));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        scopes.forEach((scope, settings) -> json.put(scope, settings.toJson()));
        return json;
    }

    /** True with the given probability; one seeded source so a run can be repeated. */
    public synchronized boolean roll(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    /**
     * The same, from a seeded source of the stream's own (e.g. one organization's webhooks): what a stream meets
     * then depends on its own sequence only, not on how the calls of others interleaved with it, so a scenario's
     * webhooks meet the same faults every run.
     */
    public boolean roll(String stream, double probability) {
        if (probability <= 0) {
            return false;
        }
        Random source = streams.computeIfAbsent(stream, name -> new Random(seed * 31 + name.hashCode()));
        synchronized (source) {
            return source.nextDouble() < probability;
        }
    }

    @Override
    public synchronized void reset() {
        scopes.clear();
        streams.clear();
        random = new Random(seed);
    }
}
