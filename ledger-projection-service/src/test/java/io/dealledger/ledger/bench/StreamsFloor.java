package io.dealledger.ledger.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What Kafka Streams itself costs this rebuild, with none of the ledger's work: topologies over the same {@code
 * ledger.facts.v1} with the projection's settings (exactly-once, RocksDB stores with caching and changelogs, the same
 * commit interval), whose processors touch only bytes. Their rate is a ceiling for any projection of that shape on
 * this machine and broker, so the benchmark can say how much of the gap to the raw consumer is ours.
 * <ul>
 * <li>{@link Shape#READ}: the facts read by one stateless processor that counts them;</li>
 * <li>{@link Shape#STORES}: the projection's skeleton. Per invoice, its store's value read and written back with the
 * new fact's bytes appended (as the invoice's fact list grows); each fact re-keyed by its deal through a repartition
 * topic; per deal, its store's value read and written. No DealLedger is published, so it is cheaper than the
 * projection in that too.</li>
 * </ul>
 */
final class StreamsFloor {

    enum Shape { READ, STORES }

    private static final AtomicLong SEEN = new AtomicLong();

    private StreamsFloor() {
    }

    /** Seconds until every one of {@code total} facts reached the shape's last processor. */
    static double seconds(Shape shape, Properties settings, long total, int invoicesPerDeal) throws Exception {
        SEEN.set(0);
        StreamsBuilder builder = new StreamsBuilder();
        var facts = builder.stream(Topics.LEDGER_FACTS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()));
        if (shape == Shape.READ) {
            facts.process(Counting::new, Named.as("count"));
        } else {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("floor-invoices"),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("floor-deals"),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
            facts.process(() -> new Appending("floor-invoices", invoicesPerDeal), Named.as("floor-invoice"),
                            "floor-invoices")
                    .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("floor-by-deal")
                            .withNumberOfPartitions(Topics.CRM_DEALS.partitions()))
                    .process(() -> new Appending("floor-deals", 0), Named.as("floor-deal"), "floor-deals");
        }
        Properties config = new Properties();
        config.putAll(settings);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-floor-" + shape.name().toLowerCase() + "-"
                + UUID.randomUUID());
        long started = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            while (SEEN.get() < total) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            return seconds;
        }
    }

    private static final class Counting implements Processor<String, byte[], Void, Void> {
        @Override
        public void process(Record<String, byte[]> record) {
            SEEN.incrementAndGet();
        }
    }

    /**
     * Reads its key's value, writes it back with the record's bytes appended. With {@code invoicesPerDeal} above 0 it
     * forwards the record keyed by the deal the benchmark's invoice belongs to ({@code org:inv-N} → {@code
     * deal-N/invoicesPerDeal}), else it counts it.
     */
    private static final class Appending implements Processor<String, byte[], String, byte[]> {
        private final String storeName;
        private final int invoicesPerDeal;
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, byte[]> store;

        Appending(String storeName, int invoicesPerDeal) {
            this.storeName = storeName;
            this.invoicesPerDeal = invoicesPerDeal;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            byte[] was = store.get(record.key());
            byte[] now = record.value();
            if (was != null && invoicesPerDeal > 0) {
                now = new byte[was.length + record.value().length];
                System.arraycopy(was, 0, now, 0, was.length);
                System.arraycopy(record.value(), 0, now, was.length, record.value().length);
            }
            store.put(record.key(), now);
            if (invoicesPerDeal == 0) {
                SEEN.incrementAndGet();
                return;
            }
            String key = record.key();
            long invoice = Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
            context.forward(record.withKey("deal-" + invoice / invoicesPerDeal));
        }
    }
}
