package io.dealledger.gateway.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.testkit.kafka.TopicProbe;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the gateway's integration tests share: an HTTP client on the running gateway, v2 signing (a new nonce per
 * call) with the CRM or the operator secret, topic probes.
 */
@GatewayTest
public abstract class GatewayIT {

    @LocalServerPort
    protected int port;

    protected WebTestClient http;

    @BeforeEach
    void bindClient() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** A fresh numeric id, so each test's records are its own on the shared topics. */
    public static String newId() {
        return "9" + String.format("%017d", ThreadLocalRandom.current().nextLong(100_000_000_000_000_00L));
    }

    protected static String sign(String secret, long epochSeconds, HttpMethod method, String path, String body) {
        return Signatures.sign(secret, epochSeconds, method, path, body);
    }

    protected static String signNow(HttpMethod method, String path, String body) {
        return Signatures.crm(method, path, body);
    }

    protected static String operatorSignNow(HttpMethod method, String path, String body) {
        return Signatures.operator(method, path, body);
    }

    /** A CRM button / widget call signed with the current secret. */
    protected WebTestClient.RequestHeadersSpec<?> signed(HttpMethod method, String path, String body) {
        return send(method, path, body, signNow(method, path, body));
    }

    /** An operator call (dead letters, replays, backfill, reconciliation) signed with the operator secret. */
    protected WebTestClient.RequestHeadersSpec<?> operatorSigned(HttpMethod method, String path, String body) {
        return send(method, path, body, operatorSignNow(method, path, body));
    }

    /** {@code method path} with {@code body} (as JSON, unless empty) and the given signature header. */
    protected WebTestClient.RequestHeadersSpec<?> send(HttpMethod method, String path, String body, String signature) {
        WebTestClient.RequestBodySpec spec = http.method(method).uri(path).header(CallSignature.HEADER, signature);
        return body.isEmpty() ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    protected static TopicProbe<String, SpecificRecord> probe(TopicSpec topic) {
        return new TopicProbe<>(topic.name(), new StringDeserializer(), new EventDeserializer());
    }

    /** The records on {@code topic} with {@code key}: what one test published, and nothing of the others. */
    protected static List<ConsumerRecord<String, SpecificRecord>> recordsWithKey(TopicSpec topic, String key) {
        return probe(topic).records().stream().filter(r -> key.equals(r.key())).toList();
    }
}
