package io.dealledger.gateway.nonce;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces seen in the signature window, each until its own expiry. Plain Java: the Kafka-backed {@link
 * KafkaNonces} feeds it, in the order of the log, with every instance's claims.
 */
public final class NonceMemory {

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    /** Whether {@code nonce} is remembered and not expired at {@code nowMillis}. */
    public boolean seen(String nonce, long nowMillis) {
        Long expiry = expiries.get(nonce);
        return expiry != null && expiry > nowMillis;
    }

    /**
     * Remembers {@code nonce} until {@code expiresAtMillis}; answers whether this is its first sighting (an entry
     * already expired counts as none: its signature is outside the window, so no claim of it can be valid).
     */
    public boolean firstSighting(String nonce, long expiresAtMillis, long nowMillis) {
        boolean[] first = {false};
        expiries.compute(nonce, (key, expiry) -> {
            if (expiry == null || expiry <= nowMillis) {
                first[0] = true;
                return expiresAtMillis;
            }
            return Math.max(expiry, expiresAtMillis);
        });
        return first[0];
    }

    /** Forgets every nonce whose expiry has passed. */
    public void purge(long nowMillis) {
        expiries.values().removeIf(expiry -> expiry <= nowMillis);
    }

    public int size() {
        return expiries.size();
    }
}
