package io.dealledger.gateway.nonce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceMemoryTest {

    private final NonceMemory memory = new NonceMemory();

    @Test
    void aNonceIsFirstSeenOnceUntilItExpires() {
        assertThat(memory.firstSighting("n-1", 2_000, 1_000)).isTrue();

        assertThat(memory.firstSighting("n-1", 2_500, 1_500)).isFalse();
        assertThat(memory.seen("n-1", 1_999)).isTrue();
        assertThat(memory.seen("n-1", 2_600)).isFalse();
        // expired: its signature is outside the window, so whoever shows it again is refused by the timestamp
        assertThat(memory.firstSighting("n-1", 4_000, 2_600)).isTrue();
    }

    @Test
    void purgingForgetsOnlyExpiredNonces() {
        memory.firstSighting("old", 1_000, 0);
        memory.firstSighting("new", 5_000, 0);

        memory.purge(2_000);

        assertThat(memory.size()).isEqualTo(1);
        assertThat(memory.seen("new", 2_000)).isTrue();
    }
}
