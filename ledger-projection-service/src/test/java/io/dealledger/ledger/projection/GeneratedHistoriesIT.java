package io.dealledger.ledger.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealLedger;
import io.dealledger.ledger.LedgerProjectionApplication;
import io.dealledger.ledger.UsesZohoEmulator;
import io.dealledger.ledger.projection.HistoryGenerator.Delivery;
import io.dealledger.ledger.projection.HistoryGenerator.History;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.UsesKafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The generated histories through the service on the real broker: partitions, repartition topics, exactly-once
 * transactions and records of different topics arriving in no particular order. Every deal's ledger must equal the
 * oracle's, and every account's ledger the sums of its deals' ledgers per currency, including deals that changed
 * account and invoices re-linked to deals of other accounts. {@code -Dledger.histories.it=<n>} sets how many (100 by
 * default: what it publishes stays on the shared broker, and the tests that replay the topics from offset zero read it
 * too).
 */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class GeneratedHistoriesIT implements UsesZohoEmulator {

    private static final int HISTORIES = Integer.getInteger("ledger.histories.it", 100);
    /** Apart from {@link GeneratedHistoriesTest}'s seeds, so the keys are this test's own on the shared broker. */
    private static final long BASE_SEED = 7_700_000_000L;

    @Test
    void everyDealAndAccountLedgerMatchesTheOracleThroughTheRealBroker() {
        // Given generated histories on their own deals, accounts and invoices
        List<History> histories = new ArrayList<>();
        for (int n = 0; n < HISTORIES; n++) {
            histories.add(HistoryGenerator.generate(BASE_SEED + n));
        }
        try (LatestLedgers latest = new LatestLedgers()) {
            // When all their deliveries (duplicates and reorderings included) are published to the real topics
            int deliveries = publish(histories);
            // Then every deal's and every account's latest ledger is the oracle's
            List<String> differences = new ArrayList<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                latest.poll();
                HistoryChecks checks = new HistoryChecks(LocalDate.now(ZoneOffset.UTC));
                differences.clear();
                for (History history : histories) {
                    differences.addAll(checks.differences(history, latest.deals, latest.accounts));
                }
                assertThat(differences.subList(0, Math.min(3, differences.size())))
                        .as(differences.size() + " ledgers differ from the oracle, the first three").isEmpty();
            });
            long accountsWithDeals = latest.accounts.values().stream().filter(l -> !l.getCurrencies().isEmpty()).count();
            System.out.printf("generated histories on the broker: %d, deliveries: %d, deal ledgers: %d,"
                    + " account ledgers: %d (%d with deals)%n", HISTORIES, deliveries, latest.deals.size(),
                    latest.accounts.size(), accountsWithDeals);
            assertThat(accountsWithDeals).as("accounts holding deals").isGreaterThan(HISTORIES / 2);
        }
    }

    private static int publish(List<History> histories) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int sent = 0;
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer())) {
            for (History history : histories) {
                for (Delivery delivery : history.deliveries()) {
                    producer.send(new ProducerRecord<>(delivery.topic(), delivery.key(), delivery.event()));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** The latest DealLedger and AccountLedger per key, read as they are published (committed ones only). */
    private static final class LatestLedgers implements AutoCloseable {

        final Map<String, DealLedger> deals = new HashMap<>();
        final Map<String, AccountLedger> accounts = new HashMap<>();
        private final KafkaConsumer<String, SpecificRecord> consumer;

        LatestLedgers() {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "generated-histories-" + UUID.randomUUID());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new EventDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.DEAL_LEDGERS.name(), Topics.ACCOUNT_LEDGERS.name())) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            // only what is published from now on: the histories' keys are new, other tests' records are not theirs
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        void poll() {
            for (int empty = 0; empty < 2; ) {
                var records = consumer.poll(Duration.ofMillis(100));
                empty = records.isEmpty() ? empty + 1 : 0;
                records.forEach(record -> {
                    if (record.value() instanceof DealLedger ledger) {
                        deals.put(record.key(), ledger);
                    } else if (record.value() instanceof AccountLedger ledger) {
                        accounts.put(record.key(), ledger);
                    }
                });
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
