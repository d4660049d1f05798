package io.dealledger.testkit.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The broker side of the benchmarks (a local broker of one node, as {@code bin/kafka-broker} starts). */
public final class BenchKafka {

    private BenchKafka() {
    }

    /** The broker a benchmark runs against: {@code -Dbench.bootstrap}, else {@code bin/kafka-broker}'s 19092. */
    public static String bootstrap() {
        return System.getProperty("bench.bootstrap", "127.0.0.1:19092");
    }

    /** How many facts a benchmark's history holds: {@code -Dbench.facts}, else one million. */
    public static long facts() {
        return Long.getLong("bench.facts", 1_000_000L);
    }

    /** Creates those of {@code topics} the broker does not have yet, with one replica each. */
    public static void createTopics(String bootstrap, Collection<NewTopic> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.numPartitions(), (short) 1).configs(topic.configs()))
                    .toList();
            admin.createTopics(missing).all().get();
        }
    }

    /** A producer for filling a topic fast: acks=all, large lz4 batches. */
    public static <V> KafkaProducer<String, V> producer(String bootstrap, Serializer<V> values) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Writes records {@code from} (inclusive) to {@code to} (exclusive) of a benchmark's history. */
    @FunctionalInterface
    public interface Filler {
        void fill(long from, long to) throws Exception;
    }

    /**
     * Tops {@code topic} up to {@code wanted} records with {@code filler} (the records already there are reused, so
     * a second run starts at once), and answers how many it holds.
     */
    public static long filledUpTo(String bootstrap, String topic, long wanted, Filler filler) throws Exception {
        long present = recordsOn(bootstrap, topic);
        if (present < wanted) {
            filler.fill(present, wanted);
        }
        return recordsOn(bootstrap, topic);
    }

    /** How many records {@code topic} holds, over all its partitions. */
    public static long recordsOn(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long sum = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                sum += end.getValue() - begin.get(end.getKey());
            }
            return sum;
        }
    }
}
