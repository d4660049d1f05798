package io.dealledger.schemas.topics;

import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One topic of the catalogue: its name, what its key is, which events it may carry, how it is
 * partitioned and retained, and the one service that writes it.
 */
public record TopicSpec(
        String name,
        String key,
        List<Class<? extends SpecificRecord>> eventTypes,
        int partitions,
        Retention retention,
        Service writer) {

    public TopicSpec {
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("topic " + name + " must allow at least one event type");
        }
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean allows(Class<?> eventType) {
        return eventTypes.contains(eventType);
    }

    /** The topic as Kafka's admin client creates it; the replication factor is the broker's default. */
    public NewTopic newTopic() {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(retention.topicConfig());
    }

    /** Where {@code consumer} parks records of this topic it cannot process: {@code <topic>.<service>.dlt}. */
    public String deadLetterTopic(Service consumer) {
        return name + "." + consumer.id() + ".dlt";
    }

    /**
     * Where {@code consumer} puts back records of this topic it replays from its dead letters, when its consumer path
     * is a topology reading that topic too: {@code <topic>.<service>.retry}.
     */
    public String retryTopic(Service consumer) {
        return name + "." + consumer.id() + ".retry";
    }

    /** The dead-letter topic of {@code consumer} for this topic, as Kafka's admin client creates it. */
    public NewTopic newDeadLetterTopic(Service consumer) {
        return new NewTopic(deadLetterTopic(consumer), Optional.of(partitions), Optional.empty())
                .configs(Retention.DEAD_LETTERS.topicConfig());
    }
}
