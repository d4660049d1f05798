package io.dealledger.emulator.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.reset.Resettable;

/**
 * Issued access tokens, their expiry (on the emulator clock) and their scopes. The refresh grant mints tokens
 * with the scopes the OAuth client was granted (configuration, changeable at run time so a test can make a
 * scope go missing); Zoho checks them per call (see {@link Scopes}).
 */
@Component
public class AccessTokens implements Resettable {

    private record Issued(Instant expiry, Set<String> scopes) {
    }

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final EmulatorClock clock;
    private final Duration ttl;
    private final List<String> configuredScopes;
    private volatile List<String> grantedScopes;
    private final SecureRandom random = new SecureRandom();

    public AccessTokens(EmulatorClock clock, EmulatorProperties properties) {
        this.clock = clock;
        this.ttl = properties.oauth().tokenTtl();
        this.configuredScopes = List.copyOf(properties.oauth().scopes());
        this.grantedScopes = configuredScopes;
    }

    /** A token with the OAuth client's granted scopes. */
    public IssuedToken issue() {
        return issue(grantedScopes);
    }

    public IssuedToken issue(List<String> scopes) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = "1000." + HexFormat.of().formatHex(bytes);
        issued.put(token, new Issued(clock.now().plus(ttl), Scopes.normalized(scopes)));
        return new IssuedToken(token, ttl.toSeconds(), String.join(" ", scopes));
    }

    /** The scopes tokens minted from now on get (reset restores the configured ones). */
    public void grant(List<String> scopes) {
        grantedScopes = List.copyOf(scopes);
    }

    public List<String> granted() {
        return grantedScopes;
    }

    public TokenCheck check(String token) {
        if (token == null) {
            return TokenCheck.MISSING;
        }
        Issued token1 = issued.get(token);
        if (token1 == null) {
            return TokenCheck.UNKNOWN;
        }
        return clock.now().isBefore(token1.expiry()) ? TokenCheck.VALID : TokenCheck.EXPIRED;
    }

    /** Whether the (valid) token carries a scope that allows the call. */
    public boolean allows(String token, Scopes.Required required) {
        Issued token1 = issued.get(token);
        return token1 != null && required.allowedBy(token1.scopes());
    }

    public void revoke(String token) {
        issued.remove(token);
    }

    /** Makes every issued token expired, so clients must refresh (admin API). */
    public int expireAll() {
        Instant past = clock.now().minusSeconds(1);
        issued.replaceAll((token, value) -> new Issued(past, value.scopes()));
        return issued.size();
    }

    /** Issued tokens survive a reset (clients keep their cached one); the granted scopes go back to configuration. */
    @Override
    public void reset() {
        grantedScopes = configuredScopes;
    }

    public record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
    }

    public enum TokenCheck { VALID, MISSING, UNKNOWN, EXPIRED }
}
