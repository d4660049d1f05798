package io.dealledger.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.dealledger.gateway.problem.Refusal;

/**
 * The signature CRM buttons (Deluge {@code invokeurl}) and widgets put on every call:
 * {@code X-Dealledger-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}
 * (Stripe's scheme). Verified on the raw bytes before anything parses them; a timestamp outside the
 * tolerance window is refused so a captured request cannot be replayed later.
 */
public final class CrmSignature {

    public static final String HEADER = "X-Dealledger-Signature";

    private static final HexFormat HEX = HexFormat.of();

    private final List<String> secrets;
    private final Duration tolerance;
    private final Clock clock;

    public CrmSignature(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty() || secrets.size() > 2) {
            throw new IllegalArgumentException("one or two signing secrets, got " + secrets.size());
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The header value for {@code body} signed at {@code epochSeconds}, as a Deluge function computes it. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        String t = Long.toString(epochSeconds);
        return "t=" + t + ",v1=" + Hmac.sha256Hex(secret, (t + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    /** Returns normally when {@code header} is a valid, fresh signature of {@code body}; refuses otherwise. */
    public void verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            throw Refusal.unauthorized(HEADER, "is missing; sign the request as t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>(2);
        for (String element : header.split(",", 8)) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                throw malformed();
            }
            String name = element.substring(0, eq).trim();
            String value = element.substring(eq + 1).trim();
            if (name.equals("t")) {
                timestamp = value;
            } else if (name.equals("v1")) {
                signatures.add(hex(value));
            }
        }
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}") || signatures.isEmpty()) {
            throw malformed();
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw Refusal.unauthorized(HEADER, "timestamp is outside the " + tolerance.toSeconds()
                    + " s window; sign each request when it is sent");
        }
        byte[] signedPrefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = Hmac.sha256(secret, signedPrefix, body);
            for (byte[] signature : signatures) {
                match |= MessageDigest.isEqual(expected, signature);
            }
        }
        if (!match) {
            throw Refusal.unauthorized(HEADER, "does not match the request body");
        }
    }

    private static byte[] hex(String value) {
        if (value.length() != 64) {
            throw malformed();
        }
        try {
            return HEX.parseHex(value.toLowerCase());
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static Refusal malformed() {
        return Refusal.unauthorized(HEADER, "is malformed; expected t=<unix seconds>,v1=<64 hex digits>");
    }
}
