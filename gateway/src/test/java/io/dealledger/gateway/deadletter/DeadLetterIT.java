package io.dealledger.gateway.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.dealledger.events.DeadLetterReplayed;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.events.PaymentReceived;
import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.gateway.support.TestSecrets;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;
import io.dealledger.owners.ReplayOwners;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Dead letters parked the way the services park them (spring-kafka's recoverer with service-kit's headers, and
 * ledger-projection-service's Streams handler), listed and replayed over HTTP against the shared broker; replays
 * go to the services that parked them ({@link ReplayOwners}), which hand them to their listeners.
 */
@SuppressWarnings("unchecked")
class DeadLetterIT extends GatewayIT {

    private static final String INVOICE_DLT = Topics.INVOICE_REQUESTS.deadLetterTopic(Service.INVOICE_SERVICE);
    private static final String PAYMENT_DLT = Topics.BOOKS_EVENTS.deadLetterTopic(Service.PAYMENT_SERVICE);
    private static final String LEDGER_DLT = Topics.LEDGER_FACTS.deadLetterTopic(Service.LEDGER_PROJECTION_SERVICE);
    private static final String OUTCOMES_DLT = Topics.INVOICE_OUTCOMES.deadLetterTopic(Service.PAYMENT_SERVICE);
    private static final String REPLAYS = "/api/v1/dead-letters/replays";

    private static KafkaProducer<String, byte[]> services;

    @LocalManagementPort
    int managementPort;

    /** A dead letter as the test parked it: where it sits and its bytes. */
    private record Parked(String deadLetterTopic, int partition, long offset, String key, byte[] value, long timestamp) {

        String replayOf() {
            return deadLetterTopic + "/" + partition + "/" + offset;
        }

        String replayBody(String service) {
            return "{\"service\":\"" + service + "\",\"deadLetterTopic\":\"" + deadLetterTopic + "\",\"partition\":"
                    + partition + ",\"offset\":" + offset + "}";
        }
    }

    /** invoice-service and payment-service run beside the gateway; ledger-projection-service cannot be reached. */
    @DynamicPropertySource
    static void owners(DynamicPropertyRegistry registry) {
        registry.add("dealledger.gateway.invoice-service-url", ReplayOwners::invoiceServiceUrl);
        registry.add("dealledger.gateway.payment-service-url", ReplayOwners::paymentServiceUrl);
        registry.add("dealledger.gateway.ledger-url", () -> "http://127.0.0.1:1");
    }

    @BeforeAll
    static void createDeadLetterTopicsAsTheServicesDo() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            for (var topic : List.of(Topics.INVOICE_REQUESTS.newDeadLetterTopic(Service.INVOICE_SERVICE),
                    Topics.BOOKS_EVENTS.newDeadLetterTopic(Service.PAYMENT_SERVICE),
                    Topics.LEDGER_FACTS.newDeadLetterTopic(Service.LEDGER_PROJECTION_SERVICE),
                    Topics.INVOICE_OUTCOMES.newDeadLetterTopic(Service.PAYMENT_SERVICE))) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        services = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        services.close();
        ReplayOwners.stop();
    }

    private static Header text(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Parked by a spring-kafka listener through service-kit's DeadLetters, with the record's own trace header. */
    private static Parked parkBySpringListener(String deadLetterTopic, TopicSpec source, String key, SpecificRecord event,
                                               String reason, FailureCategory category) throws Exception {
        byte[] value = new EventSerializer().serialize(source.name(), event);
        return park(deadLetterTopic, key, value,
                text("b3", "80f198ee56343ba8-e457b5a2e4d86bd1-1"),
                text(KafkaHeaders.DLT_ORIGINAL_TOPIC, source.name()),
                new RecordHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(4).array()),
                new RecordHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(1234L).array()),
                text(KafkaHeaders.DLT_EXCEPTION_FQCN, "org.springframework.kafka.listener.ListenerExecutionFailedException"),
                text(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "Listener failed"),
                text(DeadLetters.REASON_HEADER, reason),
                text(FailureCategory.HEADER, category.name()));
    }

    private static Parked park(String deadLetterTopic, String key, byte[] value, Header... headers) throws Exception {
        RecordMetadata at = services.send(new ProducerRecord<>(deadLetterTopic, null, key, value, List.of(headers))).get();
        return new Parked(deadLetterTopic, at.partition(), at.offset(), key, value, at.timestamp());
    }

    private static InvoiceRequested invoiceRequested(String dealId) {
        return InvoiceRequested.newBuilder().setEventId("ev-" + dealId).setOccurredAt(Instant.parse("2026-03-02T10:15:30Z"))
                .setSource("crm").setRequestId("rq-" + dealId).setDealId(dealId).build();
    }

    private static Parked parkedInvoiceRequest() throws Exception {
        String dealId = newId();
        return parkBySpringListener(INVOICE_DLT, Topics.INVOICE_REQUESTS, dealId, invoiceRequested(dealId),
                "InvoiceRejectedException: no tax mapping for region US-TX", FailureCategory.MISSING_TAX_MAPPING);
    }

    /** The records on {@code topic} that are replays of {@code parked}. */
    private static List<ConsumerRecord<String, byte[]>> replaysOf(TopicSpec topic, Parked parked) {
        return new TopicProbe<>(topic.name(), new StringDeserializer(), new ByteArrayDeserializer()).records().stream()
                .filter(r -> parked.key().equals(r.key()))
                .filter(r -> r.headers().lastHeader("dealledger-replay-of") != null)
                .toList();
    }

    private WebTestClient.BodyContentSpec list(String query) {
        return operatorSigned(HttpMethod.GET, "/api/v1/dead-letters" + query, "").exchange()
                .expectStatus().isOk().expectBody();
    }

    private WebTestClient.BodyContentSpec replay(String body) {
        return operatorSigned(HttpMethod.POST, REPLAYS, body).exchange().expectStatus().isOk().expectBody();
    }

    private static String entry(Parked parked) {
        return "$.deadLetters[?(@.deadLetterTopic=='" + parked.deadLetterTopic() + "' && @.offset==" + parked.offset()
                + " && @.partition==" + parked.partition() + ")]";
    }

    @Test
    void theListingShowsWhyAndInWhichCategoryEachServiceParkedItsRecords() throws Exception {
        String organizationId = TestSecrets.ORG;
        String paymentId = newId();
        Parked payment = parkBySpringListener(PAYMENT_DLT, Topics.BOOKS_EVENTS, paymentId, PaymentReceived.newBuilder()
                        .setEventId("ev-" + paymentId).setOccurredAt(Instant.parse("2026-03-02T10:15:30Z"))
                        .setSource("books").setOrganizationId(organizationId).setPaymentId(paymentId).build(),
                "BooksUnavailableException: Books answered 503", FailureCategory.BOOKS_UNAVAILABLE);
        Parked invoiceRequest = parkedInvoiceRequest();
        String factKey = Topics.ledgerFactKey(organizationId, newId());
        Parked unreadable = park(LEDGER_DLT, factKey, "not an event".getBytes(StandardCharsets.UTF_8),
                text(DeadLetters.REASON_HEADER, "NotSingleObjectEncodedException: 12 bytes on ledger.facts.v1"),
                text("dealledger-dlt-origin", "ledger.facts.v1-3@17"));

        list("?service=payment-service")
                .jsonPath("$.service").isEqualTo("payment-service")
                .jsonPath("$.status").isEqualTo("pending")
                .jsonPath("$.deadLetters[*].service").value(services -> assertThat((List<Object>) services)
                        .isNotEmpty().containsOnly("payment-service"))
                .jsonPath(entry(payment) + ".key").isEqualTo(paymentId)
                .jsonPath(entry(payment) + ".sourceTopic").isEqualTo("books.events.v1")
                .jsonPath(entry(payment) + ".sourcePartition").isEqualTo(4)
                .jsonPath(entry(payment) + ".sourceOffset").isEqualTo(1234)
                .jsonPath(entry(payment) + ".eventType").isEqualTo("PaymentReceived")
                .jsonPath(entry(payment) + ".eventId").isEqualTo("ev-" + paymentId)
                .jsonPath(entry(payment) + ".organizationId").isEqualTo(organizationId)
                .jsonPath(entry(payment) + ".reason").isEqualTo("BooksUnavailableException: Books answered 503")
                .jsonPath(entry(payment) + ".category").isEqualTo("BOOKS_UNAVAILABLE")
                .jsonPath(entry(payment) + ".categoryLabel").isEqualTo("Books unavailable")
                .jsonPath(entry(payment) + ".deadLetteredAt").value(at -> assertThat(Instant.parse(
                        (String) ((List<?>) at).get(0))).isAfter(Instant.now().minusSeconds(60)))
                .jsonPath(entry(payment) + ".replayedAt").isEqualTo(null);

        list("?status=all&limit=1000")
                .jsonPath(entry(invoiceRequest) + ".service").isEqualTo("invoice-service")
                .jsonPath(entry(invoiceRequest) + ".eventType").isEqualTo("InvoiceRequested")
                .jsonPath(entry(invoiceRequest) + ".dealId").isEqualTo(invoiceRequest.key())
                .jsonPath(entry(invoiceRequest) + ".category").isEqualTo("MISSING_TAX_MAPPING")
                .jsonPath(entry(invoiceRequest) + ".categoryLabel").isEqualTo("Missing tax mapping")
                .jsonPath(entry(unreadable) + ".service").isEqualTo("ledger-projection-service")
                .jsonPath(entry(unreadable) + ".sourceTopic").isEqualTo("ledger.facts.v1")
                .jsonPath(entry(unreadable) + ".sourcePartition").isEqualTo(3)
                .jsonPath(entry(unreadable) + ".sourceOffset").isEqualTo(17)
                .jsonPath(entry(unreadable) + ".eventType").isEqualTo(null)
                .jsonPath(entry(unreadable) + ".reason").isEqualTo("NotSingleObjectEncodedException: 12 bytes on ledger.facts.v1")
                .jsonPath(entry(unreadable) + ".category").isEqualTo("UNREADABLE_EVENT");
    }

    @Test
    void theListingIsNewestFirstAndLimited() throws Exception {
        Parked older = parkedInvoiceRequest();
        Parked newest = parkedInvoiceRequest();
        while (newest.timestamp() <= older.timestamp()) {
            // parked within the same millisecond: park another, so "newest" is strictly newer
            newest = parkedInvoiceRequest();
        }
        String newestKey = newest.key();

        list("?service=invoice-service&status=all&limit=1")
                .jsonPath("$.total").value(total -> assertThat((Integer) total).isGreaterThanOrEqualTo(2))
                .jsonPath("$.deadLetters.length()").isEqualTo(1)
                .jsonPath("$.deadLetters[0].key").isEqualTo(newestKey);
    }

    @Test
    void replayingOneDeadLetterHandsItToTheListenerOfItsServiceOnceHoweverOftenItIsAsked() throws Exception {
        // Given an invoice request invoice-service parked
        Parked parked = parkedInvoiceRequest();

        // When an operator replays it, twice
        replay(parked.replayBody("invoice-service"))
                .jsonPath("$.service").isEqualTo("invoice-service")
                .jsonPath("$.replayed.length()").isEqualTo(1)
                .jsonPath("$.replayed[0].status").isEqualTo("replayed")
                .jsonPath("$.replayed[0].key").isEqualTo(parked.key())
                .jsonPath("$.replayed[0].sourceTopic").isEqualTo("invoice.requests.v1")
                .jsonPath("$.replayed[0].eventType").isEqualTo("InvoiceRequested")
                .jsonPath("$.skipped.length()").isEqualTo(0);
        replay(parked.replayBody("invoice-service"))
                .jsonPath("$.replayed.length()").isEqualTo(0)
                .jsonPath("$.skipped[0].status").isEqualTo("already_replayed")
                .jsonPath("$.skipped[0].offset").isEqualTo(parked.offset());

        // Then invoice-service's listener was handed it once, as a replay with the record's own headers
        assertThat(ReplayOwners.handled(parked.key())).singleElement().satisfies(handled -> {
            assertThat(handled.topic()).isEqualTo("invoice.requests.v1");
            assertThat(handled.replayOf()).isEqualTo(parked.replayOf());
            assertThat(handled.trace()).isEqualTo("80f198ee56343ba8-e457b5a2e4d86bd1-1");
        });
        // and nothing was published to the source topic: the gateway writes no topic for a replay but its own record
        assertThat(replaysOf(Topics.INVOICE_REQUESTS, parked)).isEmpty();
        assertThat(recordsWithKey(Topics.INVOICE_REQUESTS, parked.key())).isEmpty();
        assertThat(recordsWithKey(Topics.DEAD_LETTER_REPLAYS, parked.replayOf())).singleElement()
                .satisfies(record -> assertThat((DeadLetterReplayed) record.value()).satisfies(replay -> {
                    assertThat(replay.getService()).isEqualTo("invoice-service");
                    assertThat(replay.getSourceTopic()).isEqualTo("invoice.requests.v1");
                    assertThat(replay.getRecordKey()).isEqualTo(parked.key());
                    assertThat(replay.getCategory()).isEqualTo("MISSING_TAX_MAPPING");
                    assertThat(replay.getReason()).contains("no tax mapping for region US-TX");
                }));
        list("?service=invoice-service&status=replayed&limit=1000")
                .jsonPath(entry(parked) + ".replayedAt").value(at -> assertThat((List<?>) at).singleElement().isNotNull());
        list("?service=invoice-service&limit=1000").jsonPath(entry(parked)).isEmpty();
    }

    @Test
    void replayingAllOfAServiceHandsEachPendingDeadLetterToItsListenerOnceAndReportsTheRestAsAlreadyReplayed()
            throws Exception {
        Parked first = parkedInvoiceRequest();
        Parked second = parkedInvoiceRequest();
        replay(first.replayBody("invoice-service"));

        replay("{\"service\":\"invoice-service\"}")
                .jsonPath("$.replayed[*].key").value(keys -> assertThat((List<Object>) keys).contains(second.key())
                        .doesNotContain(first.key()))
                .jsonPath("$.skipped[*].key").value(keys -> assertThat((List<Object>) keys).contains(first.key()));
        replay("{\"service\":\"invoice-service\"}")
                .jsonPath("$.replayed.length()").isEqualTo(0)
                .jsonPath("$.skipped[*].key").value(keys -> assertThat((List<Object>) keys)
                        .contains(first.key(), second.key()));

        for (Parked parked : List.of(first, second)) {
            assertThat(ReplayOwners.handled(parked.key())).singleElement()
                    .satisfies(handled -> assertThat(handled.replayOf()).isEqualTo(parked.replayOf()));
            assertThat(recordsWithKey(Topics.INVOICE_REQUESTS, parked.key())).isEmpty();
        }
        String metrics = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern(
                "dealledger_dead_letter_replays_total\\{category=\"MISSING_TAX_MAPPING\",service=\"invoice-service\"} (?:[2-9]|\\d{2,})\\.0");
    }

    @Test
    void paymentServiceReplaysItsDeadLettersThroughItsOwnListenersAndNoOtherServicesTopicIsWritten() throws Exception {
        // Given a payment notification and an invoice outcome payment-service parked
        Parked payment = parkedPayment();
        String dealId = newId();
        Parked outcome = parkBySpringListener(OUTCOMES_DLT, Topics.INVOICE_OUTCOMES, dealId, InvoiceRejected.newBuilder()
                        .setEventId("ev-" + dealId).setOccurredAt(Instant.parse("2026-03-02T10:15:30Z"))
                        .setSource("invoice-service").setRequestId("rq-" + dealId).setDealId(dealId)
                        .setReasons(List.of()).build(),
                "IllegalStateException: Kafka timed out", FailureCategory.INTERNAL);

        // When both are replayed, twice
        for (int i = 0; i < 2; i++) {
            replay(payment.replayBody("payment-service"));
            replay(outcome.replayBody("payment-service"));
        }

        // Then payment-service's listeners (the batch one for books.events.v1) handled each once
        assertThat(ReplayOwners.handled(payment.key())).singleElement()
                .satisfies(handled -> assertThat(handled.topic()).isEqualTo("books.events.v1"));
        assertThat(ReplayOwners.handled(outcome.key())).singleElement()
                .satisfies(handled -> assertThat(handled.topic()).isEqualTo("invoice.outcomes.v1"));
        // and invoice-service's topic got nothing from the gateway
        assertThat(recordsWithKey(Topics.INVOICE_OUTCOMES, outcome.key())).isEmpty();
        assertThat(recordsWithKey(Topics.BOOKS_EVENTS, payment.key())).isEmpty();
    }

    @Test
    void aReplayWhoseServiceCannotBeReachedIsA503NamingItAndWritesNothing() throws Exception {
        String factKey = Topics.ledgerFactKey(TestSecrets.ORG, newId());
        Parked fact = park(LEDGER_DLT, factKey, "not an event".getBytes(StandardCharsets.UTF_8),
                text(DeadLetters.REASON_HEADER, "NotSingleObjectEncodedException: 12 bytes on ledger.facts.v1"),
                text("dealledger-dlt-origin", "ledger.facts.v1-3@17"));

        operatorSigned(HttpMethod.POST, REPLAYS, fact.replayBody("ledger-projection-service")).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").value(reason -> assertThat((String) reason)
                        .contains("ledger-projection-service"));

        assertThat(recordsWithKey(Topics.LEDGER_FACTS, factKey)).isEmpty();
        assertThat(recordsWithKey(Topics.DEAD_LETTER_REPLAYS, fact.replayOf())).isEmpty();
        list("?service=ledger-projection-service&limit=1000").jsonPath(entry(fact) + ".replayedAt").isEqualTo(null);
    }

    @Test
    void deadLetterCallsMustBeSignedAndARefusedReplayRepublishesNothing() throws Exception {
        Parked parked = parkedPayment();
        String body = parked.replayBody("payment-service");

        http.get().uri("/api/v1/dead-letters").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(CallSignature.HEADER);
        http.post().uri(REPLAYS).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri(REPLAYS).header(CallSignature.HEADER,
                        operatorSignNow(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\"}"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
        // the CRM secret, which the widget and button functions hold, opens no operator route
        signed(HttpMethod.POST, REPLAYS, body).exchange().expectStatus().isUnauthorized();
        signed(HttpMethod.GET, "/api/v1/dead-letters", "").exchange().expectStatus().isUnauthorized();

        assertThat(replaysOf(Topics.BOOKS_EVENTS, parked)).isEmpty();
        assertThat(ReplayOwners.handled(parked.key())).isEmpty();
        assertThat(recordsWithKey(Topics.DEAD_LETTER_REPLAYS, parked.replayOf())).isEmpty();
    }

    @Test
    void badListingParametersAndReplayBodiesAreProblemsNamingTheFieldAndRepublishNothing() throws Exception {
        Parked parked = parkedPayment();
        String topic = parked.deadLetterTopic();

        expectProblem(HttpMethod.GET, "/api/v1/dead-letters?service=crm-service", "", 400, "service");
        expectProblem(HttpMethod.GET, "/api/v1/dead-letters?limit=0", "", 400, "limit");
        expectProblem(HttpMethod.GET, "/api/v1/dead-letters?limit=ten", "", 400, "limit");
        expectProblem(HttpMethod.GET, "/api/v1/dead-letters?status=done", "", 400, "status");
        expectProblem(HttpMethod.POST, REPLAYS, "", 400, "body");
        expectProblem(HttpMethod.POST, REPLAYS, "{}", 400, "service");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"crm-service\"}", 400, "service");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\",\"topic\":\"x\"}", 400, "topic");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\",\"deadLetterTopic\":\"" + topic
                + "\",\"partition\":" + parked.partition() + "}", 400, "offset");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\",\"deadLetterTopic\":\"" + topic
                + "\",\"partition\":-1,\"offset\":0}", 400, "partition");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\",\"deadLetterTopic\":\"" + topic
                + "\",\"partition\":0,\"offset\":1.5}", 400, "offset");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\",\"deadLetterTopic\":"
                + "\"books.events.v1.payment-service.dlq\",\"partition\":0,\"offset\":0}", 404, "deadLetterTopic");
        expectProblem(HttpMethod.POST, REPLAYS, parked.replayBody("invoice-service"), 404, "deadLetterTopic");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\",\"deadLetterTopic\":\"" + topic
                + "\",\"partition\":6,\"offset\":0}", 404, "partition");
        expectProblem(HttpMethod.POST, REPLAYS, "{\"service\":\"payment-service\",\"deadLetterTopic\":\"" + topic
                + "\",\"partition\":" + parked.partition() + ",\"offset\":" + (parked.offset() + 1000) + "}", 404, "offset");

        assertThat(replaysOf(Topics.BOOKS_EVENTS, parked)).isEmpty();
        assertThat(ReplayOwners.handled(parked.key())).isEmpty();
        assertThat(recordsWithKey(Topics.DEAD_LETTER_REPLAYS, parked.replayOf())).isEmpty();
    }

    private static Parked parkedPayment() throws Exception {
        String paymentId = newId();
        return parkBySpringListener(PAYMENT_DLT, Topics.BOOKS_EVENTS, paymentId, PaymentReceived.newBuilder()
                        .setEventId("ev-" + paymentId).setOccurredAt(Instant.parse("2026-03-02T10:15:30Z"))
                        .setSource("books").setOrganizationId(TestSecrets.ORG).setPaymentId(paymentId).build(),
                "BooksUnavailableException: Books answered 503", FailureCategory.BOOKS_UNAVAILABLE);
    }

    private void expectProblem(HttpMethod method, String path, String body, int status, String field) {
        operatorSigned(method, path, body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.reason").isNotEmpty();
    }
}
