package io.dealledger.gateway.bench;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dealledger.gateway.GatewayApplication;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.publish.EventPublisher;
import io.dealledger.gateway.webhook.WebhookAccepted;
import io.dealledger.gateway.webhook.books.BooksPayloads;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway for a benchmark: on the broker at {@code -Dbench.bootstrap} (default 127.0.0.1:9092, {@code
 * bin/kafka-broker start}) when one is listening there, else on an embedded KRaft broker in this JVM; Books webhooks
 * of {@link #ORG} signed with {@link #SECRET} (header and body signature required). It also answers {@code GET
 * /bench/noop} with 204 and nothing else: the same server's floor, registered here only, never in the product. And
 * {@code POST /bench/publish}: reads the body and publishes one event normalized at start-up through the product's
 * {@link EventPublisher} (acks=all before the answer), then answers the same 200 as the webhook route: the floor of
 * any route that stores an event before it answers, without the webhook's own work (secrets, HMAC, JSON, Avro). And
 * {@code POST /bench/producer}: the same, but the event's bytes (encoded once) sent by a bare {@link KafkaProducer}
 * (acks=all, idempotent, linger 1 ms as the gateway's, Kafka's defaults otherwise) and the answer written from its callback: no KafkaTemplate, no
 * thread hop, no metrics. And {@code POST /bench/answer}: reads the body and answers the same 200, with no Kafka at
 * all: what a POST with a body and a JSON answer costs beside the bare GET of the no-op route.
 */
final class BenchGateway implements AutoCloseable {

    static final String ORG = "10234695";
    static final String SECRET = "benchmark-books-secret";
    static final String NOOP = "/bench/noop";
    static final String PUBLISH = "/bench/publish";
    static final String PRODUCER = "/bench/producer";
    static final String ANSWER = "/bench/answer";

    private final ConfigurableApplicationContext gateway;
    private final EmbeddedKafkaKraftBroker embedded;
    private final KafkaProducer<String, byte[]> bare;
    final int port;

    private BenchGateway(ConfigurableApplicationContext gateway, EmbeddedKafkaKraftBroker embedded,
                         KafkaProducer<String, byte[]> bare) {
        this.gateway = gateway;
        this.embedded = embedded;
        this.bare = bare;
        this.port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    static BenchGateway start() {
        EmbeddedKafkaKraftBroker embedded = null;
        String bootstrap = System.getProperty("bench.bootstrap", "127.0.0.1:9092");
        String[] hostPort = bootstrap.split(":");
        if (!listening(hostPort[0], Integer.parseInt(hostPort[1]))) {
            embedded = new EmbeddedKafkaKraftBroker(1, 6);
            embedded.brokerProperties(Map.of("auto.create.topics.enable", "false"));
            embedded.afterPropertiesSet();
            bootstrap = embedded.getBrokersAsString();
            System.out.println("broker: embedded KRaft at " + bootstrap + " (nothing listening on "
                    + String.join(":", hostPort) + ")");
        } else {
            System.out.println("broker: local broker at " + bootstrap);
        }
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        BooksPayloads.Normalized event = BooksPayloads.normalize(ORG,
                (ObjectNode) JsonMapper.builder().build().readTree(paymentBody(0)), null, Instant.now());
        WebhookAccepted accepted = WebhookAccepted.accepted(List.of(event.eventId()));
        byte[] encoded = new EventSerializer().serialize(Topics.BOOKS_EVENTS.name(), event.event());
        KafkaProducer<String, byte[]> bare = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), // linger as the gateway's application.yml
                new StringSerializer(), new ByteArraySerializer());
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("benchRoutes",
                RouterFunction.class, () -> RouterFunctions.route()
                        .GET(NOOP, request -> ServerResponse.noContent().build())
                        .POST(PUBLISH, request -> context.getBean(RawBody.class).read(request.exchange().getRequest())
                                .flatMap(body -> context.getBean(EventPublisher.class)
                                        .publish(Topics.BOOKS_EVENTS, event.key(), event.event()))
                                .then(ServerResponse.ok().bodyValue(accepted)))
                        .POST(ANSWER, request -> context.getBean(RawBody.class).read(request.exchange().getRequest())
                                .then(ServerResponse.ok().bodyValue(accepted)))
                        .POST(PRODUCER, request -> context.getBean(RawBody.class).read(request.exchange().getRequest())
                                .flatMap(body -> Mono.<RecordMetadata>create(sink -> bare.send(new ProducerRecord<>(
                                        Topics.BOOKS_EVENTS.name(), event.key(), encoded), (metadata, failure) -> {
                                            if (failure != null) {
                                                sink.error(failure);
                                            } else {
                                                sink.success(metadata);
                                            }
                                        })))
                                .then(ServerResponse.ok().bodyValue(accepted)))
                        .build()));
        ConfigurableApplicationContext gateway = application.run(
                "--server.port=" + System.getProperty("bench.port", "0"), "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--logging.level.io.dealledger=WARN", "--logging.level.org.apache.kafka=WARN",
                "--logging.level.org.springframework=WARN",
                "--dealledger.gateway.auth.crm.secrets=benchmark-crm-secret",
                "--dealledger.gateway.auth.operator.secrets=benchmark-operator-secret",
                "--dealledger.gateway.auth.crm-webhook.secrets=benchmark-crm-webhook",
                "--dealledger.gateway.auth.books.webhook-secrets=" + ORG + "=" + SECRET,
                "--dealledger.gateway.auth.books.body-signature.required=true");
        return new BenchGateway(gateway, embedded, bare);
    }

    /**
     * Serves the benchmark's gateway until killed, for probing its routes by hand (wrk, curl, a profiler): {@code
     * java … io.dealledger.gateway.bench.BenchGateway [port]} prints the port it listens on.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.setProperty("bench.port", args[0]);
        }
        BenchGateway gateway = start();
        System.out.println("bench gateway listening on port " + gateway.port);
        Thread.currentThread().join();
    }

    /** A Books payment webhook body, a different payment for each {@code n}. */
    static byte[] paymentBody(long n) {
        return ("{\"payment\":{\"payment_id\":\"" + (460000000004000L + n) + "\",\"amount\":" + (100 + n % 900)
                + ".25,\"currency_code\":\"USD\",\"date\":\"2025-03-01\",\"customer_id\":\"460000000001001\","
                + "\"invoices\":[{\"invoice_id\":\"460000000003001\",\"amount_applied\":100}],"
                + "\"last_modified_time\":\"2025-03-01T10:15:30-0700\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        bare.close();
        gateway.close();
        if (embedded != null) {
            embedded.destroy();
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
