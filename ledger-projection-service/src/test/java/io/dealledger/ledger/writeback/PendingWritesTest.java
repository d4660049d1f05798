package io.dealledger.ledger.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dealledger.ledger.writeback.PendingWrites.Due;
import io.dealledger.ledger.writeback.PendingWrites.Write;

import org.junit.jupiter.api.Test;

class PendingWritesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final PendingWrites pending = new PendingWrites(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(4));

    @Test
    void theFirstChangeOfAnIdleDealIsDueAtOnce_withoutWaitingForTheWindow() {
        assertThat(pending.offer("d1", fields("100", "Partially paid"), T0, T0)).isEqualTo(PendingWrites.Offer.QUEUED);

        Due due = pending.due(T0, 100);

        assertThat(due.writes()).singleElement().satisfies(write ->
                assertThat(write.changed()).containsEntry("Total_Paid", new BigDecimal("100")));
        // and another deal changing a moment later is idle too: due as soon as a third of the window (667 ms) has
        // passed since the last call, so a burst over many deals makes at most three calls a window
        pending.offer("d2", fields("50", "Partially paid"), T0, T0.plusMillis(300));
        assertThat(pending.due(T0.plusMillis(300), 100).writes()).isEmpty();
        assertThat(pending.due(T0.plusMillis(667), 100).writes()).extracting(Write::recordId).containsExactly("d2");
    }

    @Test
    void changesOfADealWhileItsWriteIsInFlightBecomeOneWriteWithTheLatestValuesAfterTheWindow() {
        // Given a deal whose first change is being written
        pending.offer("d1", fields("100", "Unpaid"), T0, T0);
        Write first = pending.due(T0, 100).writes().get(0);
        // When three more changes arrive within two seconds, the first while that write is in flight
        assertThat(pending.offer("d1", fields("150", "Partially paid"), T0, T0.plusMillis(100)))
                .isEqualTo(PendingWrites.Offer.QUEUED);
        pending.written(first);
        assertThat(pending.offer("d1", fields("180", "Partially paid"), T0, T0.plusMillis(500)))
                .isEqualTo(PendingWrites.Offer.COALESCED);
        pending.offer("d1", fields("200", "Paid"), T0, T0.plusMillis(900));
        // Then nothing is due before the window of the first of them is over
        assertThat(pending.due(T0.plusMillis(2000), 100).writes()).isEmpty();
        // And once it is, one write carries the latest values
        Due due = pending.due(T0.plusMillis(2100), 100);
        assertThat(due.writes()).singleElement().satisfies(write -> {
            assertThat(write.changed()).containsEntry("Total_Paid", new BigDecimal("200"))
                    .containsEntry("Payment_Status", "Paid");
            assertThat(write.oldestChange()).isEqualTo(T0);
        });
        pending.written(due.writes().get(0));
        // And a change two windows later, the deal idle again, is due at once
        pending.offer("d1", fields("200", "Paid"), T0, T0.plusSeconds(5));
        pending.offer("d1", fields("210", "Paid"), T0, T0.plusSeconds(5));
        assertThat(pending.due(T0.plusSeconds(5), 100).writes()).singleElement().satisfies(write ->
                assertThat(write.changed()).containsOnlyKeys("Total_Paid"));
    }

    @Test
    void aDealThatKeepsChangingIsWrittenAtMostThreeTimesAWindow() {
        Instant now = T0;
        int writes = 0;
        for (int change = 0; change < 100; change++) {
            pending.offer("d1", fields(String.valueOf(change + 1), "Partially paid"), T0, now);
            for (Write write : pending.due(now, 100).writes()) {
                pending.written(write);
                writes++;
            }
            now = now.plusMillis(100);
        }
        // ten seconds of changes every 100 ms, each write taken at once: one write every 700 ms (a third of the 2 s
        // window rounded up to the next change), not one a change
        assertThat(writes).isEqualTo(15);
    }

    @Test
    void onlyFieldsChangedSinceTheLastSuccessfulWriteAreSent() {
        // Given a deal written once
        pending.offer("d1", fields("100", "Partially paid"), T0, T0);
        Write first = pending.due(T0.plusSeconds(2), 100).writes().get(0);
        pending.written(first);
        // When only its paid amount changes (650 = 650.00 for an amount)
        pending.offer("d1", fields("100.00", "Paid"), T0, T0.plusSeconds(3));
        Write second = pending.due(T0.plusSeconds(5), 100).writes().get(0);
        // Then only that field is sent
        assertThat(second.changed()).containsOnlyKeys("Payment_Status");
        pending.written(second);
        // And the same values again need no write at all
        pending.offer("d1", fields("100", "Paid"), T0, T0.plusSeconds(6));
        Due third = pending.due(T0.plusSeconds(8), 100);
        assertThat(third.writes()).isEmpty();
        assertThat(third.unchanged()).isEqualTo(1);
    }

    @Test
    void whenOneDealIsDueEveryWaitingDealGoesInTheSameBatchUpToTheLimit() {
        pending.offer("d1", fields("1", "Unpaid"), T0, T0);
        pending.offer("d2", fields("2", "Unpaid"), T0, T0.plusMillis(1500));
        pending.offer("d3", fields("3", "Unpaid"), T0, T0.plusMillis(1900));
        assertThat(pending.due(T0.plusSeconds(2), 2).writes()).extracting(Write::recordId).containsExactly("d1", "d2");
        assertThat(pending.due(T0.plusSeconds(2), 2).writes()).extracting(Write::recordId).containsExactly("d3");
    }

    @Test
    void aFailedWriteIsRetriedAfterItsBackoffForAsLongAsItTakesAtTheCappedBackoff() {
        pending.offer("d1", fields("1", "Unpaid"), T0, T0);
        Write attempt1 = pending.due(T0.plusSeconds(2), 100).writes().get(0);
        assertThat(pending.failed(attempt1, true, T0.plusSeconds(2))).isTrue();
        assertThat(pending.due(T0.plusMillis(2500), 100).writes()).isEmpty();
        Write attempt2 = pending.due(T0.plusSeconds(3), 100).writes().get(0);
        assertThat(attempt2.attempt()).isEqualTo(2);
        Instant now = T0.plusSeconds(3);
        Write last = attempt2;
        for (int i = 0; i < 50; i++) {
            assertThat(pending.failed(last, true, now)).isTrue();
            if (last.attempt() >= 3) {
                assertThat(pending.due(now.plusMillis(3999), 100).writes()).as("back-off grown to 4 s").isEmpty();
            }
            now = now.plusSeconds(4);
            last = pending.due(now, 100).writes().get(0);
        }
        assertThat(last.attempt()).isEqualTo(52);
        pending.written(last);
        assertThat(pending.holds("d1")).isFalse();
    }

    @Test
    void writesInFlightWhenTheLoopFailedWaitAgain() {
        pending.offer("d1", fields("1", "Unpaid"), T0, T0);
        assertThat(pending.due(T0.plusSeconds(2), 100).writes()).hasSize(1);
        pending.requeueInFlight(T0.plusSeconds(2));
        assertThat(pending.holds("d1")).isTrue();
        assertThat(pending.due(T0.plusSeconds(3), 100).writes()).extracting(Write::recordId).containsExactly("d1");
    }

    @Test
    void aRefusedDealIsDroppedAndDoesNotStopTheOthers() {
        pending.offer("gone", fields("1", "Unpaid"), T0, T0);
        pending.offer("live", fields("2", "Unpaid"), T0, T0);
        Due due = pending.due(T0.plusSeconds(2), 100);
        assertThat(pending.failed(due.writes().get(0), false, T0.plusSeconds(2))).isFalse();
        pending.written(due.writes().get(1));
        assertThat(pending.holds("gone")).isFalse();
        assertThat(pending.holds("live")).isFalse();
    }

    private static Map<String, Object> fields(String paid, String status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Total_Paid", new BigDecimal(paid));
        fields.put("Payment_Status", status);
        fields.put("Invoice_Error", null);
        return fields;
    }
}
