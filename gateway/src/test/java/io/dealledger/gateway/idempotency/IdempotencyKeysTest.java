package io.dealledger.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.dealledger.gateway.problem.Refusal;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 3, clock);

    @Test
    void theRequestIdDependsOnlyOnDealAndKeySoEveryInstanceDerivesTheSame() {
        assertThat(IdempotencyKeys.requestId("InvoiceRequested", "111", "k"))
                .isEqualTo(IdempotencyKeys.requestId("InvoiceRequested", "111", "k"))
                .isNotEqualTo(IdempotencyKeys.requestId("InvoiceRequested", "222", "k"));
        assertThat(IdempotencyKeys.requestId("InvoiceRequested", "111", null))
                .isNotEqualTo(IdempotencyKeys.requestId("InvoiceRequested", "111", null));
    }

    @Test
    void aReplayOfTheSameRequestIsRecognisedAndADifferentOneIsAConflict() {
        assertThat(keys.claim("deal-1", "k", "body-a")).isEqualTo(IdempotencyKeys.Claim.NEW);
        assertThat(keys.claim("deal-1", "k", "body-a")).isEqualTo(IdempotencyKeys.Claim.REPLAY);
        assertThat(keys.claim("deal-2", "k", "body-b")).isEqualTo(IdempotencyKeys.Claim.NEW);
        assertThatThrownBy(() -> keys.claim("deal-1", "k", "body-b"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void keysAreForgottenAfterTheirTimeToLiveOrWhenTheMemoryIsFull() {
        keys.claim("deal", "old", "a");
        now.set(now.get().plus(Duration.ofHours(25)));
        assertThat(keys.claim("deal", "old", "b")).isEqualTo(IdempotencyKeys.Claim.NEW);

        keys.claim("deal", "k2", "a");
        keys.claim("deal", "k3", "a");
        keys.claim("deal", "k4", "a");
        assertThat(keys.claim("deal", "old", "c")).as("evicted as the oldest").isEqualTo(IdempotencyKeys.Claim.NEW);
    }

    @Test
    void aReleasedClaimIsNewAgain() {
        keys.claim("deal", "k", "a");
        keys.release("deal", "k", "a");

        assertThat(keys.claim("deal", "k", "b")).isEqualTo(IdempotencyKeys.Claim.NEW);
    }

    @Test
    void aKeyMustBeVisibleAscii() {
        assertThat(IdempotencyKeys.checkKey("3f1c2a3e-42")).isEqualTo("3f1c2a3e-42");
        assertThatThrownBy(() -> IdempotencyKeys.checkKey("with space")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> IdempotencyKeys.checkKey("ключ")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> IdempotencyKeys.checkKey("x".repeat(256))).isInstanceOf(Refusal.class);
    }
}
