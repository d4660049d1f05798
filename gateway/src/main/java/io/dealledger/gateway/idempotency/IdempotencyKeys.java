package io.dealledger.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.EventIds;

/**
 * Idempotency-Key handling for requests that create something downstream.
 *
 * <p>The request id is derived from (deal, key) alone, so a retry reaching any gateway instance gets the
 * same request id, and invoice-service (which dedups by request id) never issues a second invoice. This
 * class adds the check that a key is not reused for a <em>different</em> request (409): it remembers a
 * fingerprint of each key's request in a bounded, expiring map. That memory is per instance, so the 409 is
 * guaranteed only when the retry reaches the same instance; the request id is the same everywhere.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final Duration ttl;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(String fingerprint, Instant expires) {
    }

    /** Whether the key was new here or a replay of the same request. */
    public enum Claim { NEW, REPLAY }

    public IdempotencyKeys(Duration ttl, int maxKeys, Clock clock) {
        this.ttl = ttl;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** The header's key, checked: 1 to 255 visible ASCII characters; null when the header is absent. */
    public static String checkKey(String key) {
        if (key == null) {
            return null;
        }
        if (!key.matches("[\\x21-\\x7E]{1,255}")) {
            throw Refusal.invalid(HEADER, "must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    /** The request id: derived from scope and key when there is a key, random otherwise. */
    public static String requestId(String requestType, String scope, String key) {
        return key == null ? UUID.randomUUID().toString() : EventIds.derive(requestType, scope, key);
    }

    /**
     * Remembers {@code fingerprint} for the key within {@code scope}; refuses with 409 when the key was
     * used for a different request within the time to live.
     */
    public synchronized Claim claim(String scope, String key, String fingerprint) {
        Instant now = clock.instant();
        expire(now);
        String id = scope + '\u001f' + key;
        Entry existing = entries.get(id);
        if (existing != null) {
            if (!existing.fingerprint().equals(fingerprint)) {
                throw Refusal.conflict(HEADER, "was already used for a different request; use a new key");
            }
            return Claim.REPLAY;
        }
        entries.put(id, new Entry(fingerprint, now.plus(ttl)));
        if (entries.size() > maxKeys) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return Claim.NEW;
    }

    /** Forgets a new claim whose request was not accepted after all (e.g. Kafka was down), so a retry is new. */
    public synchronized void release(String scope, String key, String fingerprint) {
        String id = scope + '\u001f' + key;
        Entry entry = entries.get(id);
        if (entry != null && entry.fingerprint().equals(fingerprint)) {
            entries.remove(id);
        }
    }

    private void expire(Instant now) {
        // insertion order is expiry order: the time to live is the same for every key
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext() && !it.next().getValue().expires().isAfter(now)) {
            it.remove();
        }
    }
}
