package io.dealledger.zoho.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class RefreshBudgetTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
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

    @Test
    void tenRefreshesPerTenMinutesThenTheNextIsRefusedUntilTheOldestLeavesTheWindow() {
        RefreshBudget budget = new RefreshBudget(clock);
        Instant first = now.get();
        for (int i = 0; i < 10; i++) {
            assertThat(budget.tryTake()).as("refresh %d", i + 1).isNull();
            now.set(now.get().plusSeconds(1));
        }

        assertThat(budget.tryTake()).isEqualTo(first.plus(Duration.ofMinutes(10)));

        now.set(first.plus(Duration.ofMinutes(10)));
        assertThat(budget.tryTake()).isNull();
        assertThat(budget.tryTake()).isNotNull();
    }
}
