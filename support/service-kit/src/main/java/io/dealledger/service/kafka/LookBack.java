package io.dealledger.service.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Where a reader that keeps a recent window in memory (nonces, shared tokens) starts on its assigned partitions. */
public final class LookBack {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private LookBack() {
    }

    /**
     * Seeks each partition to its first record written at or after {@code sinceMillis}, or to its end when it has
     * none that recent, and answers the ends. The ends are read before the time query: a partition with nothing
     * that recent starts at the end it had then, not at an end read later, which would skip a record another
     * instance wrote in between.
     */
    public static Map<TopicPartition, Long> seek(Consumer<?, ?> reader, Collection<TopicPartition> partitions,
                                                 long sinceMillis) {
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, sinceMillis));
        Map<TopicPartition, OffsetAndTimestamp> found = reader.offsetsForTimes(times, TIMEOUT);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            reader.seek(partition, at == null ? ends.get(partition) : at.offset());
        }
        return ends;
    }
}
