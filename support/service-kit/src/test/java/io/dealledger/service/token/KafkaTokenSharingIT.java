package io.dealledger.service.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.testkit.kafka.UsesKafka;
import io.dealledger.zoho.oauth.TokenSharing.SharedToken;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Instances of several services sharing Zoho access tokens through a real broker: a token minted by one serves the
 * others, an instance that starts later takes it at once, mints are counted across instances, and the token never
 * travels in clear.
 */
@UsesKafka
class KafkaTokenSharingIT {

    static final String CLIENT_ID = "1000.EMULATOR0CLIENT0ID";
    static final String SECRET = "emulator0client0secret";
    final String deployment = "test-" + UUID.randomUUID();
    final List<KafkaTokenSharing> started = new ArrayList<>();

    @BeforeAll
    static void topics() {
        SharedKafka.broker().addTopics(Topics.zohoTokens().stream().map(TopicSpec::newTopic).toArray(NewTopic[]::new));
    }

    @AfterEach
    void stopAll() {
        started.forEach(KafkaTokenSharing::stop);
    }

    KafkaTokenSharing instance(Service service, String deployment, String secret) {
        Map<String, Object> kafka = new HashMap<>(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()));
        Map<String, Object> producer = new HashMap<>(kafka);
        producer.put("acks", "all");
        KafkaTokenSharing sharing = new KafkaTokenSharing(service, deployment, CLIENT_ID, secret, kafka, producer,
                Clock.systemUTC());
        sharing.start();
        started.add(sharing);
        return sharing;
    }

    @Test
    void aTokenOneInstanceMintedServesTheOthersAndOneStartingLaterAndCountsOnceForEachOfThem() {
        KafkaTokenSharing invoices = instance(Service.INVOICE_SERVICE, deployment, SECRET);
        KafkaTokenSharing payments = instance(Service.PAYMENT_SERVICE, deployment, SECRET);
        Instant now = Instant.now();
        String value = "1000.token-" + UUID.randomUUID();

        invoices.minted(new SharedToken(value, now, now.plus(Duration.ofHours(1)), Set.of("ZohoBooks.fullaccess.all")));

        await().atMost(Duration.ofSeconds(20)).until(() -> payments.validAfter(now.plus(Duration.ofMinutes(5))) != null);
        SharedToken seen = payments.validAfter(now.plus(Duration.ofMinutes(5)));
        assertThat(seen.value()).isEqualTo(value);
        assertThat(seen.scopes()).containsExactly("ZohoBooks.fullaccess.all");
        assertThat(payments.validAfter(now.plus(Duration.ofMinutes(61)))).as("not past its expiry").isNull();
        assertThat(payments.mintedByOthersSince(now.minus(Duration.ofMinutes(10)))).isEqualTo(1);
        assertThat(invoices.mintedByOthersSince(now.minus(Duration.ofMinutes(10)))).as("its own is not another's")
                .isZero();

        KafkaTokenSharing restarted = instance(Service.LEDGER_PROJECTION_SERVICE, deployment, SECRET);
        assertThat(restarted.validAfter(now.plus(Duration.ofMinutes(5)))).as("read back while it started")
                .isNotNull().extracting(SharedToken::value).isEqualTo(value);
        assertThat(restarted.mintedByOthersSince(now.minus(Duration.ofMinutes(10)))).isEqualTo(1);
    }

    @Test
    void theTokenIsSealedOnTheTopicAndUselessToAnotherDeploymentOrSecret() {
        KafkaTokenSharing minter = instance(Service.PAYMENT_SERVICE, deployment, SECRET);
        Instant now = Instant.now();
        String value = "1000.secret-token-" + UUID.randomUUID();

        minter.minted(new SharedToken(value, now, now.plus(Duration.ofHours(1)), Set.of()));

        List<byte[]> raw = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            raw.clear();
            raw.addAll(new TopicProbe<>(Topics.ZOHO_TOKENS_PAYMENT_SERVICE.name(), new StringDeserializer(),
                    new ByteArrayDeserializer()).values());
            return raw.stream().anyMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(deployment));
        });
        assertThat(raw).noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(value));
        KafkaTokenSharing otherDeployment = instance(Service.INVOICE_SERVICE, "other-" + deployment, SECRET);
        KafkaTokenSharing otherSecret = instance(Service.INVOICE_SERVICE, deployment, "a-rotated-client-secret");
        assertThat(otherDeployment.validAfter(now)).isNull();
        assertThat(otherSecret.validAfter(now)).as("sealed under another secret: not opened").isNull();
    }
}
