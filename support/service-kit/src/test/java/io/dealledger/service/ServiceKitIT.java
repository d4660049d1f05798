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
import java.util.concurrent.CopyOnWriteArrayList;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.testkit.kafka.UsesKafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.annotation.KafkaListener;

@UsesKafka
@SpringBootTest(classes = ServiceKitIT.ExampleService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dealledger.service.name=invoice-service",
                "dealledger.service.consumes=invoice.requests.v1",
                "dealledger.service.retry.attempts=2",
                "dealledger.service.retry.initial-interval=20ms",
                "management.server.port=0"})
class ServiceKitIT {

    static final List<InvoiceRequested> processed = new CopyOnWriteArrayList<>();

    @SpringBootApplication
    static class ExampleService {
        @KafkaListener(topics = "#{T(io.dealledger.schemas.topics.Topics).INVOICE_REQUESTS.name()}")
        void on(InvoiceRequested request) {
            if (request.getRequestId().startsWith("poison")) {
                throw new IllegalStateException("cannot process request " + request.getRequestId());
            }
            processed.add(request);
        }
    }

    @LocalManagementPort
    int managementPort;

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
