package io.dealledger.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and SHA-256, the only primitives the gateway's authentication needs. */
public final class Hmac {

    private static final HexFormat HEX = HexFormat.of();

    private Hmac() {
    }

    /** HMAC-SHA256 of the parts, concatenated, keyed with the UTF-8 bytes of {@code secret}. */
    public static byte[] sha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String sha256Hex(String secret, byte[]... parts) {
        return HEX.formatHex(sha256(secret, parts));
    }

    /** A fixed-length digest, so comparing two of them in constant time leaks not even a length. */
    public static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String digestHex(byte[] value) {
        return HEX.formatHex(digest(value));
    }
}
