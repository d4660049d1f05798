package io.dealledger.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import io.dealledger.gateway.problem.Refusal;

/**
 * The signature every CRM button, widget and operator call carries in {@code X-Dealledger-Signature}:
 * <pre>t=&lt;unix seconds&gt;,n=&lt;nonce&gt;,v2=&lt;hex HMAC-SHA256(secret, t|n|METHOD|path?query|sha256hex(body))&gt;</pre>
 * It covers the method, the path with its query, the timestamp, a nonce and the body's SHA-256, so a captured
 * header works on no other route, deal or body; the timestamp bounds it to a window, and the nonce (checked by
 * {@code nonce.Nonces}) to one use. Fields are joined with {@code |}: none but the path can contain one, and the
 * path is the only field of free length, between fields of fixed form, so the joined text names one request only.
 * <p>The first scheme, {@code t=…,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, covers neither route nor
 * nonce; it is accepted only while {@code accept-v1} is on, for the migration of Deluge functions.
 */
public final class CallSignature {

    public static final String HEADER = "X-Dealledger-Signature";
    /** The nonce's form: long enough to be unique (a UUID, or the 27 random digits the Deluge functions make). */
    public static final String NONCE = "[A-Za-z0-9_-]{16,64}";

    private static final HexFormat HEX = HexFormat.of();

    /** A valid signature: its scheme, nonce (null for v1) and timestamp. */
    public record Verified(int version, String nonce, Instant signedAt) {
    }

    private final String who;
    private final List<String> secrets;
    private final Duration tolerance;
    private final boolean acceptV1;
    private final Clock clock;

    /**
     * @param who      whose secret this is, for the refusals ("CRM", "operator")
     * @param acceptV1 whether the first scheme (no route, no nonce) is still accepted
     */
    public CallSignature(String who, List<String> secrets, Duration tolerance, boolean acceptV1, Clock clock) {
        if (secrets.isEmpty() || secrets.size() > 2) {
            throw new IllegalArgumentException("one or two signing secrets, got " + secrets.size());
        }
        this.who = who;
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.acceptV1 = acceptV1;
        this.clock = clock;
    }

    /** The text a v2 signature is the HMAC of. */
    public static byte[] signedText(long epochSeconds, String nonce, String method, String pathAndQuery, byte[] body) {
        return (epochSeconds + "|" + nonce + "|" + method + "|" + pathAndQuery + "|" + Hmac.digestHex(body))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The v2 header value for this request, as the Deluge functions compute it. */
    public static String sign(String secret, long epochSeconds, String nonce, String method, String pathAndQuery,
                              byte[] body) {
        return "t=" + epochSeconds + ",n=" + nonce + ",v2="
                + Hmac.sha256Hex(secret, signedText(epochSeconds, nonce, method, pathAndQuery, body));
    }

    /** The v1 header value (migration only): the body and timestamp, nothing else. */
    public static String signV1(String secret, long epochSeconds, byte[] body) {
        String t = Long.toString(epochSeconds);
        return "t=" + t + ",v1=" + Hmac.sha256Hex(secret, (t + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    /**
     * Returns what the header proves when it is a valid, fresh signature of this request; refuses with 401
     * otherwise. The nonce is not checked here: that needs every gateway instance's memory.
     */
    public Verified verify(String header, String method, String pathAndQuery, byte[] body) {
        if (header == null || header.isBlank()) {
            throw Refusal.unauthorized(HEADER, "is missing; sign the request as t=<unix seconds>,n=<nonce>,v2=<hex"
                    + " HMAC-SHA256>");
        }
        String timestamp = null;
        String nonce = null;
        List<byte[]> v1 = new ArrayList<>(2);
        List<byte[]> v2 = new ArrayList<>(2);
        for (String element : header.split(",", 8)) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                throw malformed();
            }
            String name = element.substring(0, eq).trim();
            String value = element.substring(eq + 1).trim();
            switch (name) {
                case "t" -> timestamp = value;
                case "n" -> nonce = value;
                case "v1" -> v1.add(hex(value));
                case "v2" -> v2.add(hex(value));
                default -> {
                    // an element a later scheme adds: ignored, as Stripe-style signatures allow
                }
            }
        }
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}") || (v1.isEmpty() && v2.isEmpty())) {
            throw malformed();
        }
        long t = Long.parseLong(timestamp);
        if (v2.isEmpty()) {
            if (!acceptV1) {
                throw Refusal.unauthorized(HEADER, "v1 signatures are no longer accepted: sign the method, path,"
                        + " nonce and body as t=<unix seconds>,n=<nonce>,v2=<hex HMAC-SHA256> (see gateway/README.md)");
            }
            fresh(t);
            byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
            matchOne(v1, secret -> Hmac.sha256(secret, prefix, body));
            return new Verified(1, null, Instant.ofEpochSecond(t));
        }
        if (nonce == null || !nonce.matches(NONCE)) {
            throw Refusal.unauthorized(HEADER, "needs a nonce n= of 16 to 64 letters, digits, '-' or '_', new for"
                    + " every call");
        }
        fresh(t);
        byte[] text = signedText(t, nonce, method, pathAndQuery, body);
        matchOne(v2, secret -> Hmac.sha256(secret, text));
        return new Verified(2, nonce, Instant.ofEpochSecond(t));
    }

    private void fresh(long t) {
        long age = clock.instant().getEpochSecond() - t;
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw Refusal.unauthorized(HEADER, "timestamp is outside the " + tolerance.toSeconds()
                    + " s window; sign each request when it is sent");
        }
    }

    private void matchOne(List<byte[]> presented, Function<String, byte[]> expectedFor) {
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = expectedFor.apply(secret);
            for (byte[] signature : presented) {
                // no early exit: the time taken does not say which secret or signature matched
                match |= MessageDigest.isEqual(expected, signature);
            }
        }
        if (!match) {
            throw Refusal.unauthorized(HEADER, "does not match this request (method, path, query, nonce, body) under"
                    + " the " + who + " signing secret");
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
        return Refusal.unauthorized(HEADER, "is malformed; expected t=<unix seconds>,n=<nonce>,v2=<64 hex digits>");
    }
}
