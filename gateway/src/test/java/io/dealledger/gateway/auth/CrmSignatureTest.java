package io.dealledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.dealledger.gateway.problem.Refusal;

import org.junit.jupiter.api.Test;

class CrmSignatureTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final byte[] BODY = "{\"stage\":{\"label\":\"Deposit\",\"percentage\":30}}".getBytes(StandardCharsets.UTF_8);

    private final CrmSignature signature = new CrmSignature(List.of("current-secret-1", "previous-secret"),
            Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aDelugeStyleSignatureOverTimestampDotBodyIsAccepted() {
        // the value Deluge computes: zoho.encryption.hmacsha256(secret, t + "." + body, "hex")
        String header = "t=" + NOW.getEpochSecond() + ",v1="
                + Hmac.sha256Hex("current-secret-1", (NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> signature.verify(header, BODY)).doesNotThrowAnyException();
        assertThat(header).isEqualTo(CrmSignature.sign("current-secret-1", NOW.getEpochSecond(), BODY));
    }

    @Test
    void thePreviousSecretUpperCaseHexAndExtraSignaturesAreAccepted() {
        String previous = CrmSignature.sign("previous-secret", NOW.getEpochSecond(), BODY);
        String upper = previous.substring(0, previous.indexOf("v1=") + 3) + previous.substring(previous.indexOf("v1=") + 3).toUpperCase();

        assertThatCode(() -> signature.verify(previous, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(upper, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(previous + ",v1=" + "0".repeat(64), BODY)).doesNotThrowAnyException();
    }

    @Test
    void anEmptyBodyIsSignedAsTimestampDot() {
        String header = CrmSignature.sign("current-secret-1", NOW.getEpochSecond(), new byte[0]);

        assertThatCode(() -> signature.verify(header, new byte[0])).doesNotThrowAnyException();
    }

    @Test
    void refusesMissingMalformedExpiredFutureForgedAndTamperedSignatures() {
        long t = NOW.getEpochSecond();
        assertRefused(null, BODY, "missing");
        assertRefused("v1=abc", BODY, "malformed");
        assertRefused("t=" + t, BODY, "malformed");
        assertRefused("t=abc,v1=" + "0".repeat(64), BODY, "malformed");
        assertRefused("t=" + t + ",v1=xyz", BODY, "malformed");
        assertRefused(CrmSignature.sign("current-secret-1", t - 301, BODY), BODY, "window");
        assertRefused(CrmSignature.sign("current-secret-1", t + 301, BODY), BODY, "window");
        assertRefused(CrmSignature.sign("someone-elses-secret", t, BODY), BODY, "does not match");
        assertRefused(CrmSignature.sign("current-secret-1", t, BODY), "{}".getBytes(StandardCharsets.UTF_8), "does not match");
    }

    private void assertRefused(String header, byte[] body, String reason) {
        assertThatThrownBy(() -> signature.verify(header, body)).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNAUTHORIZED);
            assertThat(refusal.field()).isEqualTo(CrmSignature.HEADER);
            assertThat(refusal.reason()).contains(reason);
        });
    }
}
