package io.dealledger.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dealledger.events.DeadLetterReplayed;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.deadletter.DeadLetterEntry;
import io.dealledger.service.deadletter.ParkedRecord;
import io.dealledger.service.kafka.DeadLetters;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.testkit.kafka.UsesKafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.annotation.KafkaListener;

@UsesKafka
@SpringBootTest(classes = ServiceKitIT.ExampleService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dealledger.service.name=invoice-service",
                // crm.deals.v1 without a listener: a consumer path a replay cannot re-enter (a Streams topology's);
                // invoice.links.v1 without a listener but with a DeadLetterEntry that takes it back
                "dealledger.service.consumes=invoice.requests.v1,crm.deals.v1,invoice.links.v1",
                "dealledger.service.retry.attempts=2",
                "dealledger.service.retry.initial-interval=20ms",
                "management.server.port=0"})
class ServiceKitIT {

    static final List<InvoiceRequested> processed = new CopyOnWriteArrayList<>();
    /** Requests that fail until a test "fixes the cause" by removing them. */
    static final Set<String> broken = ConcurrentHashMap.newKeySet();
    /** The replay-of header of each request the listener handled, where it had one. */
    static final Map<String, String> replayOf = new ConcurrentHashMap<>();

    /** The dead letters of invoice.links.v1 the example's entry was handed back, by key; "broken-entry" fails. */
    static final Map<String, ParkedRecord> handedBack = new ConcurrentHashMap<>();

    @SpringBootApplication
    static class ExampleService {

        /** As a Streams service's retry topic would take them: invoice.links.v1 has no listener. */
        @org.springframework.context.annotation.Bean
        DeadLetterEntry linksEntry() {
            return new DeadLetterEntry() {
                @Override
                public boolean takes(String topic) {
                    return Topics.INVOICE_LINKS.name().equals(topic);
                }

                @Override
                public void reenter(ParkedRecord parked) {
                    if ("broken-entry".equals(parked.record().key())) {
                        throw new IllegalStateException("the retry topic cannot be written");
                    }
                    handedBack.put(parked.record().key(), parked);
                }
            };
        }

        @KafkaListener(topics = "#{T(io.dealledger.schemas.topics.Topics).INVOICE_REQUESTS.name()}")
        void on(ConsumerRecord<String, InvoiceRequested> record) {
            InvoiceRequested request = record.value();
            if (request.getRequestId().startsWith("poison") || broken.contains(request.getRequestId())) {
                throw new IllegalStateException("cannot process request " + request.getRequestId());
            }
            processed.add(request);
            Header replay = record.headers().lastHeader("dealledger-replay-of");
            if (replay != null) {
                replayOf.put(request.getRequestId(), new String(replay.value(), StandardCharsets.UTF_8));
            }
        }
    }

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    private final String deadLetters = Topics.INVOICE_REQUESTS.deadLetterTopic(Service.INVOICE_SERVICE);

    @Test
    void readinessIsUpOnlyWithKafkaAndOnlyHealthAndPrometheusAreExposed() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"kafka\":{\"status\":\"UP\"");

        assertThat(get("/actuator/prometheus").body()).contains("service=\"invoice-service\"")
                .contains("dealledger_dead_letters_total{service=\"invoice-service\",topic=\"invoice.requests.v1\"");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    void theCatalogueAndTheServicesOwnDeadLetterTopicsAreDeclared() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(t -> t.name()).toList())
                    .contains(deadLetters));
        }
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsReasonAndTheNextRecordIsStillProcessed() throws Exception {
        byte[] unknownSchema = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 42};
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.INVOICE_REQUESTS.name(), "deal-unreadable", unknownSchema)).get();
        }
        send(request("after-unreadable"));

        await().atMost(Duration.ofSeconds(30)).until(() -> processedIds().contains("after-unreadable"));
        ConsumerRecord<String, byte[]> parked = deadLetter("deal-unreadable");
        assertThat(parked.value()).isEqualTo(unknownSchema);
        assertThat(header(parked, DeadLetters.REASON_HEADER)).contains("UnknownSchemaException").contains("0807060504030201")
                .contains("not in the schema history");
        assertThat(header(parked, "kafka_dlt-original-topic")).isEqualTo(Topics.INVOICE_REQUESTS.name());
        assertThat(header(parked, FailureCategory.HEADER)).isEqualTo("UNREADABLE_EVENT");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .containsPattern("dealledger_dead_letters_total\\{service=\"invoice-service\",topic=\"invoice.requests.v1\",?\\} [1-9]")
                .containsPattern("dealledger_sync_failures_total\\{category=\"UNREADABLE_EVENT\",org=\"none\",service=\"invoice-service\",?\\} [1-9]"));
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedThenDeadLettered() throws Exception {
        send(request("poison-1"));
        send(request("after-poison"));

        await().atMost(Duration.ofSeconds(30)).until(() -> processedIds().contains("after-poison"));
        ConsumerRecord<String, byte[]> parked = deadLetter("deal-poison-1");
        assertThat(header(parked, DeadLetters.REASON_HEADER)).isEqualTo("IllegalStateException: cannot process request poison-1");
        assertThat(header(parked, FailureCategory.HEADER)).isEqualTo("INTERNAL");
        assertThat(processedIds()).doesNotContain("poison-1");
    }

    @Test
    void aParkedRecordReplayedThroughItsServiceIsHandledOnceByTheListenerThatParkedItAndNotRepublished()
            throws Exception {
        // Given a request parked after its retries, and its cause fixed
        broken.add("fixable-1");
        send(request("fixable-1"));
        ConsumerRecord<String, byte[]> parked = deadLetter("deal-fixable-1");
        broken.remove("fixable-1");
        String one = replayOne(parked);

        // When the service is asked to replay it
        HttpResponse<String> replay = post(one);

        // Then its listener has handled it once, knowing it for a replay, before the answer
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"service\":\"invoice-service\"").contains("\"status\":\"replayed\"")
                .contains("\"key\":\"deal-fixable-1\"").contains("\"eventType\":\"InvoiceRequested\"")
                .contains("\"skipped\":[]");
        assertThat(processedIds()).containsOnlyOnce("fixable-1");
        assertThat(replayOf).containsEntry("fixable-1", deadLetters + "/" + parked.partition() + "/" + parked.offset());
        // and nothing was written to the source topic, whose writer is the gateway
        assertThat(new TopicProbe<>(Topics.INVOICE_REQUESTS.name(), new StringDeserializer(), new ByteArrayDeserializer())
                .records().stream().filter(r -> "deal-fixable-1".equals(r.key()))).hasSize(1);

        // When the gateway has recorded the replay, asking again hands it to nobody
        recordReplay(parked);
        HttpResponse<String> again = post(one);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"replayed\":[]").contains("\"status\":\"already_replayed\"");
        // (replaying all may be refused for another test's dead letter no listener consumes: all or nothing)
        post("{\"service\":\"invoice-service\"}");
        assertThat(processedIds()).containsOnlyOnce("fixable-1");
    }

    @Test
    void aReplayedRecordThatFailsAgainIsParkedAgainWithItsReason() throws Exception {
        send(request("poison-replayed"));
        ConsumerRecord<String, byte[]> parked = deadLetter("deal-poison-replayed");

        assertThat(post(replayOne(parked)).statusCode()).isEqualTo(200);

        TopicProbe<String, byte[]> probe = new TopicProbe<>(deadLetters, new StringDeserializer(), new ByteArrayDeserializer());
        List<ConsumerRecord<String, byte[]>> parkedAgain = probe.records().stream()
                .filter(r -> "deal-poison-replayed".equals(r.key())).toList();
        assertThat(parkedAgain).hasSize(2);
        ConsumerRecord<String, byte[]> second = parkedAgain.get(1);
        assertThat(header(second, DeadLetters.REASON_HEADER)).isEqualTo("IllegalStateException: cannot process request poison-replayed");
        assertThat(header(second, "kafka_dlt-original-topic")).isEqualTo(Topics.INVOICE_REQUESTS.name());
        assertThat(header(second, "dealledger-replay-of")).isEqualTo(deadLetters + "/" + parked.partition() + "/" + parked.offset());
        assertThat(processedIds()).doesNotContain("poison-replayed");
    }

    @Test
    void aBadReplayRequestIsAProblemNamingTheField() throws Exception {
        assertProblem(post(""), 400, "body");
        assertProblem(post("{}"), 400, "service");
        assertProblem(post("{\"service\":\"invoice-service\",\"topic\":\"x\"}"), 400, "topic");
        assertProblem(post("{\"service\":\"payment-service\"}"), 404, "service");
        assertProblem(post("{\"service\":\"invoice-service\",\"deadLetterTopic\":\"books.events.v1.invoice-service.dlt\","
                + "\"partition\":0,\"offset\":0}"), 404, "deadLetterTopic");
        assertProblem(post("{\"service\":\"invoice-service\",\"deadLetterTopic\":\"" + deadLetters
                + "\",\"partition\":0,\"offset\":99999999}"), 404, "offset");
    }

    @Test
    void aDeadLetterNoListenerOfTheServiceConsumesIsRefusedAs409AndHandedToNobody() throws Exception {
        String streamsDeadLetters = Topics.CRM_DEALS.deadLetterTopic(Service.INVOICE_SERVICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
                return admin.listTopics().names().get().contains(streamsDeadLetters);
            }
        });
        RecordMetadata at;
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            at = raw.send(new ProducerRecord<>(streamsDeadLetters, "deal-streams", new byte[] {1, 2, 3})).get();
        }

        HttpResponse<String> refused = post("{\"service\":\"invoice-service\",\"deadLetterTopic\":\""
                + streamsDeadLetters + "\",\"partition\":" + at.partition() + ",\"offset\":" + at.offset() + "}");

        assertProblem(refused, 409, "deadLetterTopic");
        assertThat(refused.body()).contains("no listener consuming crm.deals.v1");
    }

    @Test
    void aDeadLetterOfATopicNoListenerConsumesGoesToTheEntryThatTakesItOnceAndItsSourceTopicIsNotWritten()
            throws Exception {
        // Given a dead letter of invoice.links.v1, which the service consumes without a listener (a topology, say)
        String linksDeadLetters = Topics.INVOICE_LINKS.deadLetterTopic(Service.INVOICE_SERVICE);
        RecordMetadata at = parkRaw(linksDeadLetters, "inv-entry-1", new byte[] {4, 5, 6});
        String one = "{\"service\":\"invoice-service\",\"deadLetterTopic\":\"" + linksDeadLetters
                + "\",\"partition\":" + at.partition() + ",\"offset\":" + at.offset() + "}";

        // When the service is asked to replay it
        HttpResponse<String> replay = post(one);

        // Then the entry that takes the topic was handed it, bytes as parked, and the answer says it was replayed
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"status\":\"replayed\"").contains("\"key\":\"inv-entry-1\"")
                .contains("\"sourceTopic\":\"invoice.links.v1\"");
        assertThat(handedBack.get("inv-entry-1").record().value()).containsExactly(4, 5, 6);
        assertThat(handedBack.get("inv-entry-1").replayKey())
                .isEqualTo(linksDeadLetters + "/" + at.partition() + "/" + at.offset());
        // and nothing was written to the source topic, whose writer is the gateway
        assertThat(new TopicProbe<>(Topics.INVOICE_LINKS.name(), new StringDeserializer(), new ByteArrayDeserializer())
                .records().stream().filter(r -> "inv-entry-1".equals(r.key()))).isEmpty();

        // And an entry that cannot take it back is a 503: the dead letter stays pending
        RecordMetadata broken = parkRaw(linksDeadLetters, "broken-entry", new byte[] {7});
        HttpResponse<String> unavailable = post("{\"service\":\"invoice-service\",\"deadLetterTopic\":\""
                + linksDeadLetters + "\",\"partition\":" + broken.partition() + ",\"offset\":" + broken.offset() + "}");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("could not be handed back");
    }

    private static RecordMetadata parkRaw(String deadLetterTopic, String key, byte[] value) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
                return admin.listTopics().names().get().contains(deadLetterTopic);
            }
        });
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            return raw.send(new ProducerRecord<>(deadLetterTopic, key, value)).get();
        }
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"" + field + "\"").contains("\"reason\":");
    }

    private String replayOne(ConsumerRecord<String, byte[]> parked) {
        return "{\"service\":\"invoice-service\",\"deadLetterTopic\":\"" + deadLetters + "\",\"partition\":"
                + parked.partition() + ",\"offset\":" + parked.offset() + "}";
    }

    /** What the gateway writes once the service has replayed a dead letter. */
    private void recordReplay(ConsumerRecord<String, byte[]> parked) throws Exception {
        String key = Topics.deadLetterKey(deadLetters, parked.partition(), parked.offset());
        DeadLetterReplayed replayed = DeadLetterReplayed.newBuilder().setEventId("replay-" + key)
                .setOccurredAt(Instant.now()).setSource("gateway").setOrganizationId(null).setService("invoice-service")
                .setDeadLetterTopic(deadLetters).setPartition(parked.partition()).setOffset(parked.offset())
                .setSourceTopic(Topics.INVOICE_REQUESTS.name()).setRecordKey(parked.key()).setReason("test")
                .setCategory("INTERNAL").build();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.DEAD_LETTER_REPLAYS.name(), key,
                    new EventSerializer().serialize(Topics.DEAD_LETTER_REPLAYS.name(), replayed))).get();
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dead-letters/replays"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        TopicProbe<String, byte[]> probe = new TopicProbe<>(deadLetters, new StringDeserializer(), new ByteArrayDeserializer());
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> probe.records().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null),
                record -> record != null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<String> processedIds() {
        return processed.stream().map(InvoiceRequested::getRequestId).toList();
    }

    private static InvoiceRequested request(String requestId) {
        return InvoiceRequested.newBuilder().setEventId(requestId).setOccurredAt(Instant.now()).setSource("gateway")
                .setRequestId(requestId).setDealId("deal-" + requestId).build();
    }

    private static void send(InvoiceRequested request) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                (topic, value) -> new EventSerializer().serialize(topic, (InvoiceRequested) value))) {
            producer.send(new ProducerRecord<>(Topics.INVOICE_REQUESTS.name(), request.getDealId(), request)).get();
        }
    }

    private static Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
