package io.dealledger.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The one or two secrets a source may present (two during a rotation). A presented value is compared
 * with every configured secret in constant time, through SHA-256 digests so not even a length leaks.
 */
public final class SharedSecrets {

    private final List<byte[]> digests;

    public SharedSecrets(List<String> secrets) {
        if (secrets.isEmpty() || secrets.size() > 2) {
            throw new IllegalArgumentException("one or two secrets, got " + secrets.size());
        }
        this.digests = secrets.stream().map(s -> Hmac.digest(s.getBytes(StandardCharsets.UTF_8))).toList();
    }

    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = Hmac.digest(presented.getBytes(StandardCharsets.UTF_8));
        boolean match = false;
        for (byte[] digest : digests) {
            // no early exit: the time taken does not say which secret matched
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }
}
