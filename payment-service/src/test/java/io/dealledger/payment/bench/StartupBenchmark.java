package io.dealledger.payment.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.facts.FactBuilder;
import io.dealledger.payment.facts.InvoiceTerms;
import io.dealledger.payment.ledger.InvoiceStore;
import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.readback.TopicTail;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.bench.BenchKafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * payment-service's start-up with a long history (issue 18), with {@code bench.facts} facts on ledger.facts.v1, in one
 * run: the time and heap of reading the whole history back (what every instance did before), of the first start after
 * the upgrade (payment.invoices.v1 seeded from it once), and of a restart restoring its partitions' snapshots, for
 * one instance owning every partition and for one of two. Not a
 * test (Surefire never runs it). Start a broker first:
 * {@code KAFKA_PORT=19092 KAFKA_LOCAL_DIR=/tmp/payment-bench-kafka bin/kafka-broker start}, then see the module
 * README, "Benchmark". Facts already on the topic are reused: it is filled up to {@code bench.facts} only, as one
 * invoices of 5 facts each over {@value #ORGS} organizations (imported, linked, two payments, a credit), the way payment-service
 * writes them.
 */
public final class StartupBenchmark {

    private static final int ORGS = 24;
    private static final int FACTS_PER_INVOICE = 5;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = BenchKafka.bootstrap();
        createTopic(bootstrap);
        long total = BenchKafka.filledUpTo(bootstrap, Topics.LEDGER_FACTS.name(), BenchKafka.facts(),
                (from, to) -> produce(bootstrap, from, to));
        System.out.printf("%nRESULT ledger.facts.v1 facts:        %,12d (%d partitions, %d organizations)%n", total,
                Topics.LEDGER_FACTS.partitions(), ORGS);

        wholeHistory(bootstrap, total);

        KafkaTemplate<String, SpecificRecord> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new EventSerializer()));
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<Integer> all = IntStream.range(0, Topics.BOOKS_EVENTS.partitions()).boxed().toList();

        // the first start after the upgrade: payment.invoices.v1 is seeded from ledger.facts.v1 once (if not yet)
        long heap = usedHeapAfterGc();
        LedgerMemory seeded = LedgerMemory.partitioned();
        long started = System.nanoTime();
        new InvoiceStore(consumer, kafka, seeded, Clock.systemUTC(), Duration.ofMinutes(30)).restore(all);
        report("first start (seed, or restore)", started, heap, seeded.size(), total);
        seeded = null;

        // after: a restart restores its partitions' snapshots only; one instance of one, then one of two
        heap = usedHeapAfterGc();
        LedgerMemory alone = LedgerMemory.partitioned();
        started = System.nanoTime();
        new InvoiceStore(consumer, kafka, alone, Clock.systemUTC(), Duration.ofMinutes(30)).restore(all);
        report("restart, 1 instance (after)", started, heap, alone.size(), total);
        alone = null;

        heap = usedHeapAfterGc();
        LedgerMemory half = LedgerMemory.partitioned();
        started = System.nanoTime();
        new InvoiceStore(consumer, kafka, half, Clock.systemUTC(), Duration.ofMinutes(30))
                .restore(all.subList(0, all.size() / 2));
        report("restart, 1 of 2 instances (after)", started, heap, half.size(), total);
        kafka.destroy();
    }

    /** Before (issue 18): every instance read the whole of ledger.facts.v1 into its memory at start. */
    private static void wholeHistory(String bootstrap, long total) throws InterruptedException {
        long heapBefore = usedHeapAfterGc();
        LedgerMemory whole = new LedgerMemory();
        long started = System.nanoTime();
        try (TopicTail tail = new TopicTail(Topics.LEDGER_FACTS.name(), Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                (key, event) -> whole.remember(new Fact(key, (SpecificRecordBase) event)))) {
            tail.start();
            if (!tail.awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("ledger.facts.v1 not read back within 30 minutes");
            }
            report("whole history (before)", started, heapBefore, whole.size(), total);
        }
    }

    private static void report(String what, long startedNanos, long heapBefore, long held, long total)
            throws InterruptedException {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        long heap = usedHeapAfterGc() - heapBefore;
        System.out.printf("RESULT %-36s %8.1f s  heap %,9.1f MB  facts held %,10d of %,d%n", what + ":", seconds,
                heap / 1e6, held, total);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void createTopic(String bootstrap) throws Exception {
        BenchKafka.createTopics(bootstrap, Topics.all().stream().map(TopicSpec::newTopic).toList());
    }

    /** Per invoice: imported, linked, two payments and a credit, with payment-service's own ids. */
    private static void produce(String bootstrap, long from, long to) {
        Instant t = Instant.now().minus(Duration.ofDays(1));
        LocalDate due = LocalDate.now().plusDays(30);
        long started = System.nanoTime();
        try (KafkaProducer<String, SpecificRecord> producer = BenchKafka.producer(bootstrap, new EventSerializer())) {
            for (long n = from; n < to; n++) {
                long number = n / FACTS_PER_INVOICE;
                String invoice = String.valueOf(460_000_000_000_000L + number);
                FactBuilder facts = new FactBuilder("bench-org-" + number % ORGS, t.plusMillis(n));
                Fact fact = switch ((int) (n % FACTS_PER_INVOICE)) {
                    case 0 -> facts.imported(new InvoiceTerms(invoice, "INV-" + number, "cust-" + number % 5000,
                            new BigDecimal("900.00"), "USD", due.minusDays(30), due, "sent",
                            "https://books.zoho.com/app#/invoices/" + invoice, new BigDecimal("820.00")));
                    case 1 -> facts.linked(invoice, "deal-" + number / 4, "acct-" + number % 5000, "req-" + number,
                            t.plusMillis(n));
                    case 2 -> facts.paymentApplied(invoice, "pay-a-" + number, new BigDecimal("300.00"), "USD",
                            LocalDate.now(), 1);
                    case 3 -> facts.paymentApplied(invoice, "pay-b-" + number, new BigDecimal("200.00"), "USD",
                            LocalDate.now(), 1);
                    default -> facts.creditApplied(invoice, "cn-" + number, "cni-" + number, new BigDecimal("50.00"),
                            "USD");
                };
                producer.send(new ProducerRecord<>(Topics.LEDGER_FACTS.name(), fact.key(), fact.event()));
            }
            producer.flush();
        }
        System.out.printf("produced %,d facts in %.1f s%n", to - from, (System.nanoTime() - started) / 1e9);
    }
}
