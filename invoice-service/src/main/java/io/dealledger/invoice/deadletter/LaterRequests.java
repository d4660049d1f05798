package io.dealledger.invoice.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.schemas.serde.EventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The requests for the same deal and the same stage asked <em>after</em> a replayed one: the requests that may
 * have superseded it while it was parked. They are on the replay's own partition (invoice.requests.v1 is keyed by
 * deal id), between the replayed request's time and the replay, so one bounded read of that partition finds them:
 * assigned, without a consumer group, so it moves nobody's offsets. The push then checks Books for their invoices.
 * Blocking; only replays pay for it (header {@code dealledger-replay-of}), which an operator starts by hand.
 */
public class LaterRequests {

    /** Producer and broker clocks may be behind the request's own time by this much. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final Map<String, Object> consumerProperties;
    private final Duration timeout;

    /** @param consumerProperties the service's consumer settings (bootstrap servers, security); the group is dropped */
    public LaterRequests(Map<String, Object> consumerProperties, Duration timeout) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.timeout = timeout;
    }

    /** The request ids of the later requests for the replayed request's deal and stage, oldest first. */
    public Set<String> of(ConsumerRecord<String, InvoiceRequested> replay) {
        InvoiceRequested replayed = replay.value();
        TopicPartition partition = new TopicPartition(replay.topic(), replay.partition());
        Set<String> later = new LinkedHashSet<>();
        try (KafkaConsumer<String, SpecificRecord> reader = new KafkaConsumer<>(consumerProperties,
                new StringDeserializer(), new EventDeserializer())) {
            reader.assign(List.of(partition));
            Instant since = replayed.getOccurredAt().minus(CLOCK_SLACK);
            OffsetAndTimestamp start = reader.offsetsForTimes(Map.of(partition, since.toEpochMilli()), timeout)
                    .get(partition);
            if (start == null || start.offset() >= replay.offset()) {
                return later;
            }
            reader.seek(partition, start.offset());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (reader.position(partition, timeout) < replay.offset()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("invoice.requests.v1 could not be read up to the replay at offset "
                            + replay.offset() + " within " + timeout);
                }
                for (ConsumerRecord<String, SpecificRecord> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < replay.offset() && record.value() instanceof InvoiceRequested other
                            && supersedes(other, replayed)) {
                        later.add(other.getRequestId());
                    }
                }
            }
        }
        return later;
    }

    /** Another request for the same deal and stage (or the whole deal both times), asked after this one. */
    static boolean supersedes(InvoiceRequested other, InvoiceRequested replayed) {
        return other.getDealId().equals(replayed.getDealId())
                && !other.getRequestId().equals(replayed.getRequestId())
                && other.getOccurredAt().isAfter(replayed.getOccurredAt())
                && Objects.equals(other.getStage(), replayed.getStage());
    }
}
