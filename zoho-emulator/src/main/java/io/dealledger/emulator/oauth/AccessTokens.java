package io.dealledger.emulator.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.config.EmulatorProperties;

/** Issued access tokens and their expiry, measured on the emulator clock. */
@Component
public class AccessTokens {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final EmulatorClock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public AccessTokens(EmulatorClock clock, EmulatorProperties properties) {
        this.clock = clock;
        this.ttl = properties.oauth().tokenTtl();
    }

    public IssuedToken issue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = "1000." + HexFormat.of().formatHex(bytes);
        expiries.put(token, clock.now().plus(ttl));
        return new IssuedToken(token, ttl.toSeconds());
    }

    public TokenCheck check(String token) {
        if (token == null) {
            return TokenCheck.MISSING;
        }
        Instant expiry = expiries.get(token);
        if (expiry == null) {
            return TokenCheck.UNKNOWN;
        }
        return clock.now().isBefore(expiry) ? TokenCheck.VALID : TokenCheck.EXPIRED;
    }

    public void revoke(String token) {
        expiries.remove(token);
    }

    /** Makes every issued token expired, so clients must refresh (admin API). */
    public int expireAll() {
        Instant past = clock.now().minusSeconds(1);
        expiries.replaceAll((token, expiry) -> past);
        return expiries.size();
    }

    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    public enum TokenCheck { VALID, MISSING, UNKNOWN, EXPIRED }
}
