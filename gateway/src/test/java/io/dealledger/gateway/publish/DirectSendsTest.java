package io.dealledger.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DirectSendsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final DirectSends sends = new DirectSends(now::get, 32L * 1024 * 1024);

    @Test
    void aTopicNeverAcknowledgedHopsAndOneAcknowledgedLatelyRunsDirectly() {
        assertThat(sends.direct("books.events.v1")).isFalse(); // the producer may not have its metadata yet
        sends.sending();
        sends.acknowledged("books.events.v1", 900);

        assertThat(sends.direct("books.events.v1")).isTrue();
        assertThat(sends.direct("crm.deals.v1")).as("another topic").isFalse();
    }

    @Test
    void withoutAnAcknowledgementForAMinuteSendsHopAgain() {
        sends.sending();
        sends.acknowledged("books.events.v1", 900);
        now.addAndGet(DirectSends.FRESH.toNanos() - 1);
        assertThat(sends.direct("books.events.v1")).isTrue();

        now.addAndGet(1); // the broker has been silent that long: it may be down, the buffer filling
        assertThat(sends.direct("books.events.v1")).isFalse();
        sends.sending();
        sends.failed();
        assertThat(sends.direct("books.events.v1")).as("a failure is no acknowledgement").isFalse();
    }

    @Test
    void sendsBeyondTheCapOfUnacknowledgedOnesHopUntilSomeComplete() {
        sends.sending();
        sends.acknowledged("books.events.v1", 900);
        for (int n = 0; n < DirectSends.MAX_IN_FLIGHT; n++) {
            assertThat(sends.direct("books.events.v1")).as("send %d", n).isTrue();
            sends.sending();
        }
        assertThat(sends.direct("books.events.v1")).isFalse();

        sends.failed();
        assertThat(sends.direct("books.events.v1")).as("one timed out and left the buffer").isTrue();
        sends.sending();
        assertThat(sends.direct("books.events.v1")).isFalse();
        sends.acknowledged("books.events.v1", 900);
        assertThat(sends.direct("books.events.v1")).isTrue();
    }

    @Test
    void largeRecordsLowerTheCapToWhatHalfTheBufferHolds() {
        sends.sending();
        sends.acknowledged("books.events.v1", 256 * 1024 - DirectSends.RECORD_OVERHEAD);
        for (int n = 0; n < 64; n++) { // 16 MB of 256 KB records
            assertThat(sends.direct("books.events.v1")).as("send %d", n).isTrue();
            sends.sending();
        }
        assertThat(sends.direct("books.events.v1")).isFalse();
        sends.acknowledged("books.events.v1", 100); // a small one later does not raise it again
        sends.sending();
        assertThat(sends.direct("books.events.v1")).isFalse();
    }
}
