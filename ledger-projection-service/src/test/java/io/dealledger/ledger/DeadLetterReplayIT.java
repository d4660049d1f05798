package io.dealledger.ledger;

import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.dealledger.events.DealLedger;
import io.dealledger.events.PaymentApplied;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.serde.EventSerde;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.testkit.kafka.UsesKafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaStreamsConfiguration;

/**
 * ledger-projection-service replays its own dead letters (docs/architecture.md §3, "Dead letters") on the real broker:
 * through its replay endpoint, the parked record goes back on the retry topic its topology reads beside the source,
 * and nothing is written to ledger.facts.v1, payment-service's topic.
 */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class DeadLetterReplayIT implements UsesZohoEmulator {

    private static final String ORG = "org-replay";
    private static final String DEAD_LETTERS = Topics.LEDGER_FACTS.deadLetterTopic(Service.LEDGER_PROJECTION_SERVICE);
    private static final LocalDate DUE = LocalDate.now().plusDays(30);
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;
    @Autowired
    KafkaStreamsConfiguration streamsConfiguration;

    /** Each test's own invoice and deal (a new instance per test), apart from every other test's on the shared broker. */
    private final String invoice = "inv-" + UUID.randomUUID();
    private final String deal = "deal-" + UUID.randomUUID();
    private final String key = Topics.ledgerFactKey(ORG, invoice);
    private final Instant t = Instant.now().minusSeconds(60);

    private final TopicProbe<String, DealLedger> ledgers = new TopicProbe<>(Topics.DEAL_LEDGERS.name(),
            new StringDeserializer(), EventSerde.of(DealLedger.class).deserializer());

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void aParkedFactReplayedOnceItsInvoiceIsThereIsAppliedOnceHoweverOftenItIsReplayed() throws Exception {
        // Given a payment of 40 parked for an invoice the ledger did not hold then. Today's projection parks only what
        // no later fact makes holdable (a second currency on one invoice); a replay is for a record parked before its
        // cause was fixed (a deploy), as an earlier projection parked a payment seen before its invoice. So it is
        // written here as InvoiceProcessor writes its dead letters: the fact's key and bytes, its reason and category.
        PaymentApplied payment = paid("pay-" + invoice, t.plusSeconds(2), ORG, invoice, "p-" + invoice, "40", "USD", null);
        RecordMetadata parked = park(key, payment, "IllegalStateException: invoice " + key + " is not imported");
        // and the invoice imported and linked to the deal since (by payment-service, on ledger.facts.v1)
        importAndLink();
        awaitLedger(deal, ledger -> ledger.getTotalInvoiced().compareTo(new BigDecimal("100")) == 0);

        // When the service is asked to replay the dead letter
        String one = replayOne(parked);
        HttpResponse<String> replay = post(one);

        // Then it answers as every service does, and the payment is applied to the deal's ledger
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"service\":\"ledger-projection-service\"")
                .contains("\"status\":\"replayed\"").contains("\"key\":\"" + key + "\"")
                .contains("\"sourceTopic\":\"ledger.facts.v1\"").contains("\"eventType\":\"PaymentApplied\"")
                .contains("\"eventId\":\"pay-" + invoice + "\"").contains("\"skipped\":[]");
        awaitLedger(deal, ledger -> ledger.getTotalPaid().compareTo(new BigDecimal("40")) == 0
                && ledger.getOutstanding().compareTo(new BigDecimal("60")) == 0);

        // When it is replayed again (a gateway that crashed before recording the first replay, say)
        assertThat(post(one).statusCode()).isEqualTo(200);

        // Then the topology has read the second one too, and the payment still counts once
        List<ConsumerRecord<String, byte[]>> replays = awaitRetries(key, 2);
        awaitConsumed(replays.get(1));
        assertThat(replays).allSatisfy(r -> assertThat(header(r, "dealledger-replay-of"))
                .isEqualTo(DEAD_LETTERS + "/" + parked.partition() + "/" + parked.offset()));
        assertThat(latest(deal).getTotalPaid()).isEqualByComparingTo("40");
        assertThat(latest(deal).getOutstanding()).isEqualByComparingTo("60");
        assertThat(get("/api/v1/deals/" + deal + "/ledger").body()).contains("\"totalPaid\":\"40.000\"");
        // and ledger-projection-service wrote nothing to ledger.facts.v1: only the import and the link are there
        assertThat(records(Topics.LEDGER_FACTS.name(), key)).hasSize(2);
    }

    @Test
    void aReplayedFactThatStillBreaksAnInvariantIsParkedAgainAndTheLedgerStaysAsItWas() throws Exception {
        // Given an invoice of 100 in USD on a deal, and a payment in EUR the projection parked for it
        importAndLink();
        send(key, paid("eur-" + invoice, t.plusSeconds(2), ORG, invoice, "p-" + invoice, "40", "EUR", null));
        ConsumerRecord<String, byte[]> parked = awaitDeadLetters(key, 1).get(0);
        assertThat(header(parked, DeadLetters.REASON_HEADER)).contains("mixes currencies");

        // When it is replayed with the cause not fixed
        HttpResponse<String> replay = post(replayOne(parked.partition(), parked.offset()));

        // Then it is parked again, as a new dead letter that says it was a replay, and the deal is as it was
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"status\":\"replayed\"");
        ConsumerRecord<String, byte[]> again = awaitDeadLetters(key, 2).get(1);
        assertThat(header(again, DeadLetters.REASON_HEADER)).contains("mixes currencies");
        assertThat(again.value()).isEqualTo(parked.value());
        awaitConsumed(awaitRetries(key, 1).get(0));
        assertThat(latest(deal).getTotalInvoiced()).isEqualByComparingTo("100");
        assertThat(latest(deal).getTotalPaid()).isEqualByComparingTo("0");
        assertThat(records(Topics.LEDGER_FACTS.name(), key)).hasSize(3);
    }

    @Test
    void anUnreadableRecordReplayedStillUnreadableIsParkedAgainWithTheDeadLettersOfItsSource() throws Exception {
        // Given bytes that are no event, parked by the projection's deserialization handler from crm.deals.v1
        producer.send(new ProducerRecord<>(Topics.CRM_DEALS.name(), deal, "not an event".getBytes(StandardCharsets.UTF_8)))
                .get();
        String crmDeadLetters = Topics.CRM_DEALS.deadLetterTopic(Service.LEDGER_PROJECTION_SERVICE);
        ConsumerRecord<String, byte[]> parked = awaitRecords(crmDeadLetters, deal, 1).get(0);

        // When it is replayed
        HttpResponse<String> replay = post("{\"service\":\"ledger-projection-service\",\"deadLetterTopic\":\""
                + crmDeadLetters + "\",\"partition\":" + parked.partition() + ",\"offset\":" + parked.offset() + "}");

        // Then it went back through crm.deals.v1's retry topic and is parked again on crm.deals.v1's dead letters
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"category\":\"UNREADABLE_EVENT\"").contains("\"status\":\"replayed\"");
        ConsumerRecord<String, byte[]> again = awaitRecords(crmDeadLetters, deal, 2).get(1);
        assertThat(header(again, "dealledger-dlt-origin")).startsWith(Topics.CRM_DEALS_RETRIES.name() + "-");
        assertThat(records(Topics.CRM_DEALS.name(), deal)).hasSize(1);
    }

    /** A dead letter as InvoiceProcessor parks a fact it cannot hold. */
    private static RecordMetadata park(String key, SpecificRecord fact, String reason) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(DEAD_LETTERS, null, key,
                new EventSerializer().serialize(Topics.LEDGER_FACTS.name(), fact), List.of(
                new RecordHeader(DeadLetters.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(FailureCategory.HEADER, FailureCategory.INTERNAL.name().getBytes(StandardCharsets.UTF_8))));
        return producer.send(record).get();
    }

    /** An invoice of 100 USD imported and linked to {@code deal}, as payment-service tells them on ledger.facts.v1. */
    private void importAndLink() throws Exception {
        send(key, imported("imp-" + invoice, t, ORG, invoice, "INV-" + invoice, "100", "USD", DUE));
        send(key, linked("lnk-" + invoice, t.plusSeconds(1), ORG, invoice, deal));
    }

    private static void send(String key, SpecificRecord fact) throws Exception {
        producer.send(new ProducerRecord<>(Topics.LEDGER_FACTS.name(), key,
                new EventSerializer().serialize(Topics.LEDGER_FACTS.name(), fact))).get();
    }

    /** Waits until the projection has read and committed {@code replay} from its retry topic. */
    private void awaitConsumed(ConsumerRecord<String, byte[]> replay) {
        String applicationId = String.valueOf(streamsConfiguration.asProperties().get(StreamsConfig.APPLICATION_ID_CONFIG));
        TopicPartition partition = new TopicPartition(replay.topic(), replay.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > replay.offset();
            });
        }
    }

    private List<ConsumerRecord<String, byte[]>> awaitRetries(String key, int count) {
        return awaitRecords(Topics.LEDGER_FACTS_RETRIES.name(), key, count);
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
        return awaitRecords(DEAD_LETTERS, key, count);
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> records(topic, key), records -> records.size() >= count);
    }

    private static List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        return new TopicProbe<>(topic, new StringDeserializer(), new ByteArrayDeserializer()).records().stream()
                .filter(r -> key.equals(r.key())).toList();
    }

    private DealLedger awaitLedger(String deal, Predicate<DealLedger> condition) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> latest(deal), ledger -> ledger != null && condition.test(ledger));
    }

    private DealLedger latest(String deal) {
        return ledgers.records().stream().filter(r -> deal.equals(r.key())).reduce((x, y) -> y)
                .map(ConsumerRecord::value).orElse(null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String replayOne(RecordMetadata parked) {
        return replayOne(parked.partition(), parked.offset());
    }

    private static String replayOne(int partition, long offset) {
        return "{\"service\":\"ledger-projection-service\",\"deadLetterTopic\":\"" + DEAD_LETTERS + "\",\"partition\":"
                + partition + ",\"offset\":" + offset + "}";
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/dead-letters/replays"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
