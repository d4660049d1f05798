package io.dealledger.ledger.query;

import java.util.ArrayList;
import java.util.List;

import io.dealledger.ledger.projection.LedgerProperties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Interactive queries on the projection's stores. With {@code dealledger.ledger.application-server} set, the
 * instance that owns a key is found from the Streams metadata: here, the local store answers; elsewhere, the
 * caller forwards the request to that instance. Without it (one instance), the local store answers.
 */
@Component
public class LedgerStores {

    /** Where a key's value is. */
    public sealed interface Lookup<V> {
    }

    public record Found<V>(V value) implements Lookup<V> {
    }

    public record Missing<V>() implements Lookup<V> {
    }

    public record Elsewhere<V>(HostInfo host) implements Lookup<V> {
    }

    public record Unavailable<V>(String reason) implements Lookup<V> {
    }

    private final StreamsBuilderFactoryBean streams;
    private final HostInfo self;

    public LedgerStores(StreamsBuilderFactoryBean streams, LedgerProperties properties) {
        this.streams = streams;
        this.self = properties.applicationServer().isEmpty() ? null
                : HostInfo.buildFromEndpoint(properties.applicationServer());
    }

    /** The value of {@code key} in {@code store}; {@code localOnly} for a request another instance forwarded. */
    public <V> Lookup<V> lookup(String store, String key, boolean localOnly) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return new Unavailable<>("the projection is not running");
        }
        try {
            if (self != null && !localOnly) {
                KeyQueryMetadata owner = kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
                if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                    return new Unavailable<>("no instance owns " + store + " for this key yet (rebalancing)");
                }
                if (!owner.activeHost().equals(self)) {
                    return new Elsewhere<>(owner.activeHost());
                }
            }
            V value = this.<V>local(kafkaStreams, store).get(key);
            return value == null ? new Missing<>() : new Found<>(value);
        } catch (InvalidStateStoreException notReady) {
            return new Unavailable<>(store + " is not queryable yet: " + notReady.getMessage());
        }
    }

    /** Every value of {@code store} held by this instance (its partitions only). */
    public <V> List<V> allLocal(String store) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        List<V> values = new ArrayList<>();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return values;
        }
        try (KeyValueIterator<String, V> all = this.<V>local(kafkaStreams, store).all()) {
            all.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    private <V> ReadOnlyKeyValueStore<String, V> local(KafkaStreams kafkaStreams, String store) {
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
