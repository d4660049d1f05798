package io.dealledger.ledger.bench;

import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.deal.DealView;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.projection.ProjectionMetrics;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.bench.BenchKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Projection throughput when rebuilding from offset zero, beside the raw consumer rate of the same topic on the
 * same broker. Not a test (Surefire never runs it). Start a local broker first, see README "Benchmark":
 * {@code KAFKA_PORT=19092 KAFKA_LOCAL_DIR=/tmp/ledger-bench-kafka bin/kafka-broker start}. Arguments (system
 * properties): {@code bench.bootstrap} (127.0.0.1:19092), {@code bench.facts} (1000000). Facts already on
 * {@code ledger.facts.v1} are reused: the topic is filled up to {@code bench.facts} only. After the projection it runs
 * the {@link StreamsFloor} topologies over the same facts ({@code -Dbench.floor=false} skips them) and prints every rate
 * as a ratio to the raw consumer, and the projection's as a ratio to the floor of its shape.
 */
public final class ProjectionBenchmark {

    private static final String ORG = "bench-org";
    private static final int FACTS_PER_INVOICE = 5;
    private static final int INVOICES_PER_DEAL = 4;

    private ProjectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = BenchKafka.bootstrap();
        createTopics(bootstrap);
        long total = BenchKafka.filledUpTo(bootstrap, Topics.LEDGER_FACTS.name(), BenchKafka.facts(),
                (from, to) -> produce(bootstrap, from, to));
        System.out.printf("ledger.facts.v1 holds %,d facts (%d partitions)%n", total, Topics.LEDGER_FACTS.partitions());
        double raw = rawConsumerRate(bootstrap, total);
        Result projection = project(bootstrap, total);
        System.out.printf("%nRESULT raw consumer:          %,12.0f records/s (%,d records, bytes only)%n", raw, total);
        System.out.printf("RESULT projection (facts):    %,12.0f facts/s   (%,d facts applied in %.1f s)%n",
                projection.factsPerSecond(), total, projection.factsSeconds());
        double toLedger = total / projection.ledgersSeconds();
        System.out.printf("RESULT projection (to ledger): %,11.0f facts/s   (last DealLedger after %.1f s, %,d published)%n",
                toLedger, projection.ledgersSeconds(), projection.ledgers());
        System.out.printf(Locale.ROOT, "RESULT ratio to the raw consumer: %.4f%n", toLedger / raw);
        if (Boolean.parseBoolean(System.getProperty("bench.floor", "true"))) {
            // Kafka Streams' own cost on the same facts, settings and broker, with no ledger work (StreamsFloor)
            double read = total / StreamsFloor.seconds(StreamsFloor.Shape.READ, settings(bootstrap), total,
                    INVOICES_PER_DEAL);
            double stores = total / StreamsFloor.seconds(StreamsFloor.Shape.STORES, settings(bootstrap), total,
                    INVOICES_PER_DEAL);
            System.out.printf(Locale.ROOT, "RESULT Streams floor, read and count:  %,10.0f facts/s (ratio to the raw"
                    + " consumer %.4f)%n", read, read / raw);
            System.out.printf(Locale.ROOT, "RESULT Streams floor, two stores and the repartition: %,10.0f facts/s"
                    + " (ratio to the raw consumer %.4f)%n", stores, stores / raw);
            System.out.printf(Locale.ROOT, "RESULT projection to the last DealLedger as a ratio to that floor: %.3f%n",
                    toLedger / stores);
        }
    }

    private record Result(double factsSeconds, double ledgersSeconds, long ledgers, long facts) {
        double factsPerSecond() {
            return facts / factsSeconds;
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        List<NewTopic> topics = new ArrayList<>(Topics.all().stream().map(TopicSpec::newTopic).toList());
        topics.add(Topics.LEDGER_FACTS.newDeadLetterTopic(Service.LEDGER_PROJECTION_SERVICE));
        BenchKafka.createTopics(bootstrap, topics);
    }

    /** Facts in invoice order: imported, linked, three payments; four invoices per deal. */
    private static void produce(String bootstrap, long from, long to) {
        Instant t = Instant.now().minus(Duration.ofDays(1));
        LocalDate due = LocalDate.now().plusDays(30);
        long started = System.nanoTime();
        try (KafkaProducer<String, SpecificRecord> producer = BenchKafka.producer(bootstrap, new EventSerializer())) {
            for (long n = from; n < to; n++) {
                long invoiceNo = n / FACTS_PER_INVOICE;
                String invoice = "inv-" + invoiceNo;
                String deal = "deal-" + invoiceNo / INVOICES_PER_DEAL;
                int step = (int) (n % FACTS_PER_INVOICE);
                Instant at = t.plusMillis(n);
                SpecificRecord fact = switch (step) {
                    case 0 -> imported("f-" + n, at, ORG, invoice, "INV-" + invoiceNo, "900", "USD", due);
                    case 1 -> linked("f-" + n, at, ORG, invoice, deal);
                    default -> paid("f-" + n, at, ORG, invoice, "pay-" + n, "100", "USD", LocalDate.now());
                };
                producer.send(new ProducerRecord<>(Topics.LEDGER_FACTS.name(), Topics.ledgerFactKey(ORG, invoice), fact));
            }
            producer.flush();
        }
        System.out.printf("produced %,d facts in %.1f s%n", to - from, (System.nanoTime() - started) / 1e9);
    }

    private static double rawConsumerRate(String bootstrap, long total) {
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long started = System.nanoTime();
            long read = 0;
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("raw consumer read %,d records in %.1f s%n", read, seconds);
            return read / seconds;
        }
    }

    /** The projection's Streams settings (as application.yml, exactly-once), without an application id. */
    private static Properties settings(String bootstrap) throws java.io.IOException {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ledger-bench-state").toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.getInteger("bench.commit.ms", 100));
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.getInteger("bench.threads", 1));
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED); // as application.yml
        // any other Streams setting to try: -Dbench.streams.<name>=<value> (e.g. -Dbench.streams.max.task.idle.ms=0)
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.streams."))
                .forEach(name -> config.put(name.substring("bench.streams.".length()), System.getProperty(name)));
        return config;
    }

    private static Result project(String bootstrap, long total) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        new LedgerTopology(Clock.systemUTC(), Currency.getInstance("USD"), Duration.ofHours(1),
                new ProjectionMetrics(meters), false).addTo(builder);
        Properties config = settings(bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-bench-" + UUID.randomUUID());
        long started = System.nanoTime();
        double factsSeconds;
        double ledgersSeconds;
        long ledgers;
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            while (count(meters, "dealledger.ledger.facts") < total) {
                Thread.sleep(100);
            }
            factsSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("projection applied %,d facts in %.1f s%n", total, factsSeconds);
            long last = -1;
            long lastChange = System.nanoTime();
            while (System.nanoTime() - lastChange < Duration.ofSeconds(5).toNanos()) {
                long now = (long) count(meters, "dealledger.ledger.deal.ledgers.emitted");
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                }
                Thread.sleep(100);
            }
            ledgers = last;
            ledgersSeconds = (lastChange - started) / 1e9;
            checkLedgers(streams, total);
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
        return new Result(factsSeconds, ledgersSeconds, ledgers, total);
    }

    /**
     * Each deal's last published ledger against what the generated facts add up to (every invoice 900 USD, every
     * payment 100 USD, counted once linked): the rebuild must give the same results, not only fast ones.
     */
    private static void checkLedgers(KafkaStreams streams, long total) {
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (long n = 0; n < total; n++) {
            long invoiceNo = n / FACTS_PER_INVOICE;
            int step = (int) (n % FACTS_PER_INVOICE);
            long firstOfInvoice = invoiceNo * FACTS_PER_INVOICE;
            if (step == 1 || total <= firstOfInvoice + 1) {
                continue; // the link itself adds nothing; an invoice never linked counts for no deal
            }
            BigDecimal[] sums = expected.computeIfAbsent("deal-" + invoiceNo / INVOICES_PER_DEAL,
                    deal -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            int which = step == 0 ? 0 : 1;
            sums[which] = sums[which].add(new BigDecimal(step == 0 ? "900" : "100"));
        }
        ReadOnlyKeyValueStore<String, DealState> deals = streams.store(StoreQueryParameters.fromNameAndType(
                LedgerTopology.DEAL_STORE, QueryableStoreTypes.keyValueStore()));
        long differ = expected.entrySet().stream().filter(deal -> {
            DealState state = deals.get(deal.getKey());
            DealView shown = state == null ? null : state.emitted();
            return shown == null || shown.totalInvoiced().amount().compareTo(deal.getValue()[0]) != 0
                    || shown.totalPaid().amount().compareTo(deal.getValue()[1]) != 0
                    || shown.outstanding().amount().compareTo(deal.getValue()[0].subtract(deal.getValue()[1])) != 0;
        }).count();
        System.out.printf("RESULT check: %,d deals, %,d with a last ledger other than the facts add up to%n",
                expected.size(), differ);
        if (differ > 0) {
            throw new IllegalStateException(differ + " deals differ from the facts");
        }
    }

    private static double count(SimpleMeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static KafkaConsumer<byte[], byte[]> rawConsumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(Topics.LEDGER_FACTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
