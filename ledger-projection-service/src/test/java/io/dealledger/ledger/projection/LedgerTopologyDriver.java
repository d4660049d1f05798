package io.dealledger.ledger.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealLedger;
import io.dealledger.schemas.serde.EventSerde;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The projection's topology on a TopologyTestDriver, with in-memory stores and a clock the test controls. */
final class LedgerTopologyDriver implements AutoCloseable {

    final TopologyTestDriver driver;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, TestInputTopic<String, SpecificRecord>> inputs = new HashMap<>();
    final TestOutputTopic<String, DealLedger> dealLedgers;
    final TestOutputTopic<String, AccountLedger> accountLedgers;
    final TestOutputTopic<String, SpecificRecord> deadLetters;

    LedgerTopologyDriver(Clock clock, Duration overdueInterval) {
        StreamsBuilder builder = new StreamsBuilder();
        new LedgerTopology(clock, Currency.getInstance(LedgerOracle.DEFAULT_CURRENCY), overdueInterval,
                new ProjectionMetrics(registry), true).addTo(builder);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-projection-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(builder.build(), config, Instant.parse("2026-05-01T00:00:00Z"));
        for (String topic : new String[] {Topics.LEDGER_FACTS.name(), Topics.CRM_DEALS.name(),
                Topics.INVOICE_OUTCOMES.name(), Topics.INVOICE_REQUESTS.name()}) {
            inputs.put(topic, driver.createInputTopic(topic, Serdes.String().serializer(),
                    new EventSerde().serializer()));
        }
        dealLedgers = driver.createOutputTopic(Topics.DEAL_LEDGERS.name(), Serdes.String().deserializer(),
                EventSerde.of(DealLedger.class).deserializer());
        accountLedgers = driver.createOutputTopic(Topics.ACCOUNT_LEDGERS.name(), Serdes.String().deserializer(),
                EventSerde.of(AccountLedger.class).deserializer());
        deadLetters = driver.createOutputTopic(Topics.LEDGER_FACTS.deadLetterTopic(Service.LEDGER_PROJECTION_SERVICE),
                Serdes.String().deserializer(), new EventSerde().deserializer());
    }

    void pipe(String topic, String key, SpecificRecord event) {
        inputs.get(topic).pipeInput(key, event);
    }

    void fact(SpecificRecord event) {
        inputs.get(Topics.LEDGER_FACTS.name()).pipeInput(factKey(event), event);
    }

    /** A fact whose record was written at {@code writtenAt} (one long on the topic: a rebuild reads it). */
    void factWrittenAt(SpecificRecord event, Instant writtenAt) {
        inputs.get(Topics.LEDGER_FACTS.name()).pipeInput(factKey(event), event, writtenAt);
    }

    private static String factKey(SpecificRecord event) {
        String org = (String) event.get(event.getSchema().getField("organizationId").pos());
        String invoice = (String) event.get(event.getSchema().getField("invoiceId").pos());
        return Topics.ledgerFactKey(org, invoice);
    }

    /** The latest ledger published per deal, reading what is new on the output topic into {@code latest}. */
    Map<String, DealLedger> drainLatest(Map<String, DealLedger> latest) {
        dealLedgers.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    /** The latest account ledger published per account, reading what is new into {@code latest}. */
    Map<String, AccountLedger> drainLatestAccounts(Map<String, AccountLedger> latest) {
        accountLedgers.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    @Override
    public void close() {
        driver.close();
    }
}
