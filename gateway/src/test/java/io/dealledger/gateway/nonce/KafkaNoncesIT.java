package io.dealledger.gateway.nonce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.UsesKafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Several gateway instances share one memory of nonces through auth.nonces.v1 on the real broker: a nonce is
 * accepted once across all of them, even when two claim it at the same moment, and an instance that starts later
 * knows the nonces claimed before it.
 */
@UsesKafka
class KafkaNoncesIT {

    private static final Duration WINDOW = Duration.ofSeconds(300);

    private final List<KafkaNonces> instances = new ArrayList<>();

    @BeforeAll
    static void topic() {
        try {
            SharedKafka.broker().addTopics(Topics.SIGNATURE_NONCES.newTopic());
        } catch (KafkaException created) {
            // the gateway's own context, started earlier in this JVM, declared it already
            assertThat(created).hasRootCauseInstanceOf(TopicExistsException.class);
        }
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(KafkaNonces::stop);
    }

    private KafkaNonces instance(int maxRemembered) {
        KafkaTemplate<String, SpecificRecord> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer()));
        KafkaNonces nonces = new KafkaNonces(kafka, Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "ignored"), WINDOW, maxRemembered,
                Duration.ofSeconds(20), Clock.systemUTC());
        nonces.start();
        instances.add(nonces);
        return nonces;
    }

    /** "accepted", "401" for a nonce used before (the gateway's answer), or the refusal's HTTP status. */
    private static Mono<String> outcome(Nonces nonces, String nonce) {
        return nonces.claim(nonce, Instant.now()).map(first -> first ? "accepted" : "401")
                .onErrorResume(Refusal.class, refusal -> Mono.just(String.valueOf(refusal.kind().status())));
    }

    @Test
    void aNonceClaimedOnTwoInstancesAtTheSameMomentIsAcceptedExactlyOnce() {
        KafkaNonces first = instance(1000);
        KafkaNonces second = instance(1000);

        List<List<String>> outcomes = Flux.range(0, 20).map(i -> "nonce-" + UUID.randomUUID())
                .flatMap(nonce -> Mono.zip(outcome(first, nonce), outcome(second, nonce))
                        .map(both -> List.of(both.getT1(), both.getT2())))
                .collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(20).allSatisfy(both ->
                assertThat(both).containsExactlyInAnyOrder("accepted", "401"));
    }

    @Test
    void aReplayIsRefusedByTheInstanceThatAcceptedItAndByEveryOther() {
        KafkaNonces first = instance(1000);
        KafkaNonces second = instance(1000);
        String nonce = "nonce-" + UUID.randomUUID();

        assertThat(outcome(first, nonce).block(Duration.ofSeconds(20))).isEqualTo("accepted");

        assertThat(outcome(first, nonce).block(Duration.ofSeconds(20))).isEqualTo("401");
        assertThat(outcome(second, nonce).block(Duration.ofSeconds(20))).isEqualTo("401");
        assertThat(outcome(second, "nonce-" + UUID.randomUUID()).block(Duration.ofSeconds(20))).isEqualTo("accepted");
    }

    @Test
    void anInstanceStartedLaterRefusesANonceClaimedBeforeItStarted() {
        String nonce = "nonce-" + UUID.randomUUID();
        assertThat(outcome(instance(1000), nonce).block(Duration.ofSeconds(20))).isEqualTo("accepted");

        KafkaNonces later = instance(1000);

        assertThat(outcome(later, nonce).block(Duration.ofSeconds(20))).isEqualTo("401");
    }

    @Test
    void aFullMemoryRefusesNewSignedCallsWith503RatherThanForgetANonce() {
        KafkaNonces small = instance(1);
        assertThat(outcome(small, "nonce-" + UUID.randomUUID()).block(Duration.ofSeconds(20))).isEqualTo("accepted");

        assertThat(outcome(small, "nonce-" + UUID.randomUUID()).block(Duration.ofSeconds(20))).isEqualTo("503");
    }
}
