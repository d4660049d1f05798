package io.dealledger.emulator.limits;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Requests currently being served, per key (a Books organization, or "crm"); a request above the
 * limit is refused instead of queued, as Zoho's concurrency limiters do.
 */
@Component
public class InFlightCounter {

    private final Map<String, Integer> inFlight = new HashMap<>();

    public synchronized boolean tryAcquire(String key, int limit) {
        int current = inFlight.getOrDefault(key, 0);
        if (current >= limit) {
            return false;
        }
        inFlight.put(key, current + 1);
        return true;
    }

    public synchronized void release(String key) {
        inFlight.computeIfPresent(key, (k, current) -> current <= 1 ? null : current - 1);
    }
}
