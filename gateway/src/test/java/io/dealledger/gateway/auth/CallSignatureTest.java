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

class CallSignatureTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final String BODY_TEXT = "{\"stage\":{\"label\":\"Deposit\",\"percentage\":30}}";
    private static final byte[] BODY = BODY_TEXT.getBytes(StandardCharsets.UTF_8);
    private static final String NONCE = "815366092471652901338457210";
    private static final String PATH = "/api/v1/deals/4876876000000624061/invoice-requests";
    private static final String SECRET = "current-secret-1";
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final CallSignature signature = new CallSignature("CRM", List.of(SECRET, "previous-secret"),
            Duration.ofSeconds(300), false, CLOCK);

    @Test
    void aDelugeStyleV2SignatureOverTimestampNonceMethodPathAndBodyHashIsAccepted() {
        // what the Deluge functions compute:
        //   zoho.encryption.hmacsha256(secret, t + "|" + n + "|POST|" + path + "|" + zoho.encryption.sha256(body), "hex")
        String signed = T + "|" + NONCE + "|POST|" + PATH + "|" + Hmac.digestHex(BODY);
        String header = "t=" + T + ",n=" + NONCE + ",v2=" + Hmac.sha256Hex(SECRET, signed.getBytes(StandardCharsets.UTF_8));

        CallSignature.Verified verified = signature.verify(header, "POST", PATH, BODY);

        assertThat(verified).isEqualTo(new CallSignature.Verified(2, NONCE, NOW));
        assertThat(header).isEqualTo(CallSignature.sign(SECRET, T, NONCE, "POST", PATH, BODY));
    }

    @Test
    void theSha256OfTheEmptyBodyIsWhatGetAndDeleteSign() {
        // the constant the Deluge functions use for an empty body
        assertThat(Hmac.digestHex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String header = CallSignature.sign(SECRET, T, NONCE, "GET", "/api/v1/deals/42/ledger", new byte[0]);

        assertThatCode(() -> signature.verify(header, "GET", "/api/v1/deals/42/ledger", new byte[0]))
                .doesNotThrowAnyException();
    }

    @Test
    void thePreviousSecretUpperCaseHexAndExtraSignaturesAreAccepted() {
        String previous = CallSignature.sign("previous-secret", T, NONCE, "POST", PATH, BODY);
        int at = previous.indexOf("v2=") + 3;
        String upper = previous.substring(0, at) + previous.substring(at).toUpperCase();

        assertThatCode(() -> signature.verify(previous, "POST", PATH, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(upper, "POST", PATH, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(previous + ",v2=" + "0".repeat(64), "POST", PATH, BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void aCapturedHeaderWorksOnNoOtherMethodPathQueryOrBody() {
        String header = CallSignature.sign(SECRET, T, NONCE, "GET", "/api/v1/deals/42/ledger", new byte[0]);

        assertRefused(header, "DELETE", "/api/v1/deals/42/ledger", new byte[0], "does not match");
        assertRefused(header, "GET", "/api/v1/deals/43/ledger", new byte[0], "does not match");
        assertRefused(header, "GET", "/api/v1/deals/42/ledger?asOf=2025-01-01", new byte[0], "does not match");
        assertRefused(header, "GET", "/api/v1/dead-letters", new byte[0], "does not match");
        assertRefused(header, "POST", PATH, "{}".getBytes(StandardCharsets.UTF_8), "does not match");
        assertRefused(header.replace(NONCE, NONCE.replace('8', '9')), "GET", "/api/v1/deals/42/ledger",
                new byte[0], "does not match");
    }

    @Test
    void refusesMissingMalformedNonceLessExpiredFutureAndForgedSignatures() {
        assertRefused(null, "POST", PATH, BODY, "missing");
        assertRefused("v2=abc", "POST", PATH, BODY, "malformed");
        assertRefused("t=" + T, "POST", PATH, BODY, "malformed");
        assertRefused("t=abc,n=" + NONCE + ",v2=" + "0".repeat(64), "POST", PATH, BODY, "malformed");
        assertRefused("t=" + T + ",n=" + NONCE + ",v2=xyz", "POST", PATH, BODY, "malformed");
        assertRefused("t=" + T + ",v2=" + "0".repeat(64), "POST", PATH, BODY, "nonce");
        assertRefused("t=" + T + ",n=short,v2=" + "0".repeat(64), "POST", PATH, BODY, "nonce");
        assertRefused(CallSignature.sign(SECRET, T - 301, NONCE, "POST", PATH, BODY), "POST", PATH, BODY, "window");
        assertRefused(CallSignature.sign(SECRET, T + 301, NONCE, "POST", PATH, BODY), "POST", PATH, BODY, "window");
        assertRefused(CallSignature.sign("someone-elses-secret", T, NONCE, "POST", PATH, BODY), "POST", PATH, BODY,
                "does not match");
    }

    @Test
    void v1IsRefusedUnlessTheMigrationFlagIsOnAndThenCarriesNoNonce() {
        String v1 = CallSignature.signV1(SECRET, T, BODY);
        assertThat(v1).isEqualTo("t=" + T + ",v1="
                + Hmac.sha256Hex(SECRET, (T + "." + BODY_TEXT).getBytes(StandardCharsets.UTF_8)));
        assertRefused(v1, "POST", PATH, BODY, "v1 signatures are no longer accepted");

        CallSignature migrating = new CallSignature("CRM", List.of(SECRET), Duration.ofSeconds(300), true, CLOCK);

        assertThat(migrating.verify(v1, "POST", PATH, BODY)).isEqualTo(new CallSignature.Verified(1, null, NOW));
        assertThatThrownBy(() -> migrating.verify(v1, "POST", PATH, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void anOperatorSignatureIsRefusedWhereTheCrmSecretIsExpectedAndTheOtherWayRound() {
        CallSignature operator = new CallSignature("operator", List.of("operator-secret-1"), Duration.ofSeconds(300),
                false, CLOCK);
        String byOperator = CallSignature.sign("operator-secret-1", T, NONCE, "GET", "/api/v1/dead-letters", new byte[0]);
        String byCrm = CallSignature.sign(SECRET, T, NONCE, "GET", "/api/v1/dead-letters", new byte[0]);

        assertThatCode(() -> operator.verify(byOperator, "GET", "/api/v1/dead-letters", new byte[0]))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> operator.verify(byCrm, "GET", "/api/v1/dead-letters", new byte[0]))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.reason()).contains("operator"));
        assertRefused(byOperator, "GET", "/api/v1/dead-letters", new byte[0], "does not match");
    }

    private void assertRefused(String header, String method, String path, byte[] body, String reason) {
        assertThatThrownBy(() -> signature.verify(header, method, path, body)).isInstanceOfSatisfying(Refusal.class,
                refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNAUTHORIZED);
                    assertThat(refusal.field()).isEqualTo(CallSignature.HEADER);
                    assertThat(refusal.reason()).contains(reason);
                });
    }
}
