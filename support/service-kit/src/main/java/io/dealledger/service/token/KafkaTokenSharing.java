package io.dealledger.service.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.dealledger.events.AccessTokenMinted;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.LookBack;
import io.dealledger.service.lifecycle.BackgroundLoop;
import io.dealledger.zoho.oauth.TokenSharing;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's Zoho access tokens on Kafka: each token an instance mints is written, sealed, to its service's
 * {@code zoho.tokens.<service>.v1}; every instance reads every service's topic from a token's lifetime back, so it
 * takes a valid token another instance minted instead of minting one, and counts the others' tokens against Zoho's
 * ten per ten minutes. A token is sealed with AES-GCM under a key derived from the OAuth client secret, which every
 * instance has and which mints tokens anyway: reading the topic without it gives nothing usable. Kafka being away
 * costs nothing but the sharing: an instance then mints its own, as it would alone.
 */
public final class KafkaTokenSharing extends BackgroundLoop implements TokenSharing {

    private static final Logger log = LoggerFactory.getLogger(KafkaTokenSharing.class);
    /** A token lives an hour; reading this far back finds every one still valid. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(65);
    private static final int NONCE_BYTES = 12;

    private final Service service;
    private final String deployment;
    private final String clientId;
    private final SecretKeySpec key;
    private final String instance = UUID.randomUUID().toString();
    private final TopicSpec ownTopic;
    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> producerProperties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The newest valid token read back (this instance's included). */
    private final AtomicReference<SharedToken> newest = new AtomicReference<>();
    /** When each other instance's token was minted, as read back (pruned to the limit's window when counted). */
    private final ConcurrentLinkedQueue<Instant> othersMinted = new ConcurrentLinkedQueue<>();
    /** Tokens minted here and not written yet. */
    private final ConcurrentLinkedQueue<AccessTokenMinted> unsent = new ConcurrentLinkedQueue<>();
    /** Counted down once the tokens of the last hour are read back. */
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    public KafkaTokenSharing(Service service, String deployment, String clientId, String clientSecret,
                             Map<String, Object> consumerProperties, Map<String, Object> producerProperties,
                             Clock clock) {
        super("zoho-tokens");
        this.service = service;
        this.deployment = deployment;
        this.clientId = clientId;
        this.key = new SecretKeySpec(sha256("dealledger zoho access token\n" + clientSecret), "AES");
        this.ownTopic = Topics.zohoTokensOf(service).orElseThrow(() -> new IllegalArgumentException(
                service.id() + " does not call Zoho: it has no access-token topic"));
        this.consumerProperties = consumerProperties;
        this.producerProperties = producerProperties;
        this.clock = clock;
    }

    /**
     * Starts reading, and waits (ten seconds at most) until the last hour's tokens are read back, so an instance that
     * starts takes the deployment's token rather than minting one on its first Zoho call.
     */
    @Override
    public synchronized void start() {
        super.start();
        try {
            if (!caughtUp.await(10, TimeUnit.SECONDS)) {
                log.warn("event=zoho_tokens_not_read_back service={} reason=\"not within 10 s: this instance may mint"
                        + " its own token\"", service.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public SharedToken validAfter(Instant until) {
        SharedToken token = newest.get();
        return token != null && token.expiresAt().isAfter(until) ? token : null;
    }

    @Override
    public int mintedByOthersSince(Instant since) {
        othersMinted.removeIf(minted -> minted.isBefore(since.minus(LOOK_BACK)));
        return (int) othersMinted.stream().filter(minted -> !minted.isBefore(since)).count();
    }

    @Override
    public void minted(SharedToken token) {
        remember(token);
        unsent.add(AccessTokenMinted.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(token.mintedAt()).setSource(service.id()).setDeployment(deployment)
                .setInstance(instance).setClientId(clientId).setExpiresAt(token.expiresAt())
                .setScopes(new ArrayList<>(token.scopes())).setSealedToken(seal(token)).build());
    }

    @Override
    protected void session() {
        try (KafkaConsumer<String, SpecificRecord> reader = reader();
             KafkaProducer<String, SpecificRecord> writer = writer()) {
            Map<TopicPartition, Long> ends = assignFromLookBack(reader);
            while (running()) {
                for (ConsumerRecord<String, SpecificRecord> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof AccessTokenMinted minted) {
                        read(minted);
                    }
                }
                if (caughtUp.getCount() > 0 && reachedEnds(reader, ends)) {
                    caughtUp.countDown();
                }
                for (AccessTokenMinted minted; (minted = unsent.poll()) != null; ) {
                    writer.send(new ProducerRecord<>(ownTopic.name(), deployment + ":" + clientId, minted),
                            (metadata, failure) -> {
                                if (failure != null) {
                                    log.warn("event=zoho_token_not_shared service={} reason=\"{}\"", service.id(),
                                            failure.toString());
                                }
                            });
                }
            }
        }
    }

    private void read(AccessTokenMinted minted) {
        if (!minted.getDeployment().equals(deployment) || !minted.getClientId().equals(clientId)) {
            return;
        }
        if (!minted.getInstance().equals(instance)) {
            othersMinted.add(minted.getOccurredAt());
        }
        try {
            remember(new SharedToken(open(minted), minted.getOccurredAt(), minted.getExpiresAt(),
                    new HashSet<>(minted.getScopes())));
        } catch (GeneralSecurityException | IllegalArgumentException sealedWithAnotherSecret) {
            // a token of the same client sealed under another secret (one rotated away): not ours to use
            log.warn("event=zoho_token_unreadable source={} reason=\"{}\"", minted.getSource(),
                    sealedWithAnotherSecret.getClass().getSimpleName());
        }
    }

    private void remember(SharedToken token) {
        newest.accumulateAndGet(token, (held, candidate) -> held == null
                || candidate.expiresAt().isAfter(held.expiresAt()) ? candidate : held);
    }

    private String seal(SharedToken token) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated(token.expiresAt()));
            byte[] sealed = cipher.doFinal(token.value().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private String open(AccessTokenMinted minted) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(minted.getSealedToken());
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
        cipher.updateAAD(associated(minted.getExpiresAt()));
        return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    /** What a sealed token is bound to: moved to another deployment, client or expiry, it does not open. */
    private byte[] associated(Instant expiresAt) {
        return (deployment + "|" + clientId + "|" + expiresAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
    }

    /** Every service's token topic from a token's lifetime back; answers where each ends now. */
    private Map<TopicPartition, Long> assignFromLookBack(KafkaConsumer<String, SpecificRecord> reader) {
        List<TopicPartition> partitions = assignEveryPartition(reader, Topics.zohoTokens());
        return LookBack.seek(reader, partitions, clock.instant().minus(LOOK_BACK).toEpochMilli());
    }

    private KafkaConsumer<String, SpecificRecord> reader() {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove("group.id");
        properties.put("enable.auto.commit", "false");
        properties.put("client.id", service.id() + "-zoho-tokens-reader");
        return new KafkaConsumer<>(properties, new StringDeserializer(), typed(new EventDeserializer()));
    }

    private KafkaProducer<String, SpecificRecord> writer() {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.remove("transactional.id");
        properties.put("client.id", service.id() + "-zoho-tokens-writer");
        return new KafkaProducer<>(properties, new StringSerializer(), typed(new EventSerializer()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> T typed(Object serde) {
        return (T) serde;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
