package io.dealledger.payment.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.facts.FactBuilder;
import io.dealledger.payment.facts.InvoiceTerms;
import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.readback.TopicTail;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.bench.BenchKafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * payment-service's start-up with a long history (issue 18): the time to read {@code ledger.facts.v1} back into
 * {@link LedgerMemory} and the heap that memory holds afterwards, with {@code bench.facts} facts on the topic. Not a
 * test (Surefire never runs it). Start a broker first:
 * {@code KAFKA_PORT=19092 KAFKA_LOCAL_DIR=/tmp/payment-bench-kafka bin/kafka-broker start}, then see the module
 * README, "Benchmark". Facts already on the topic are reused: it is filled up to {@code bench.facts} only, as one
 * organization's invoices of 5 facts each (imported, linked, two payments, a credit), the way payment-service
 * writes them.
 */
public final class StartupBenchmark {

    private static final String ORG = "bench-org";
    private static final int FACTS_PER_INVOICE = 5;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = BenchKafka.bootstrap();
        createTopic(bootstrap);
        long total = BenchKafka.filledUpTo(bootstrap, Topics.LEDGER_FACTS.name(), BenchKafka.facts(),
                (from, to) -> produce(bootstrap, from, to));

        long heapBefore = usedHeapAfterGc();
        LedgerMemory memory = new LedgerMemory();
        long started = System.nanoTime();
        try (TopicTail tail = new TopicTail(Topics.LEDGER_FACTS.name(), Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), memory::remember)) {
            tail.start();
            if (!tail.awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("ledger.facts.v1 not read back within 30 minutes");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long heap = usedHeapAfterGc() - heapBefore;
            System.out.printf("%nRESULT ledger.facts.v1 facts:        %,12d (%d partitions)%n", total,
                    Topics.LEDGER_FACTS.partitions());
            System.out.printf("RESULT start-up read-back:          %12.1f s (%,.0f facts/s)%n", seconds, total / seconds);
            System.out.printf("RESULT memory heap after start-up:  %,12.1f MB (%,.0f bytes per fact; %,d facts held)%n",
                    heap / 1e6, (double) heap / total, memory.size());
        }
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
                FactBuilder facts = new FactBuilder(ORG, t.plusMillis(n));
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
