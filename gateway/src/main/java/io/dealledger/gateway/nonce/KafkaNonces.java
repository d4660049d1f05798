package io.dealledger.gateway.nonce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.dealledger.events.SignatureNonceUsed;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.LookBack;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Nonces remembered in Kafka ({@code auth.nonces.v1}), so a replayed signature is refused by every gateway
 * instance, not only the one that saw it first. A claim publishes {@code SignatureNonceUsed} keyed by the nonce
 * (acks=all) and waits until this instance reads it back: every claim of one nonce lands on the same partition,
 * every instance reads every partition in the same order, so the first claim there wins and every later one —
 * on this instance or another, at the same moment or minutes later — is a replay.
 *
 * <p>Each instance follows all partitions (no consumer group), from a look-back of twice the window at start-up,
 * keeping each nonce until its signature leaves the window (plus {@link #SKEW} for clocks that differ). The
 * memory is bounded: past {@code maxRemembered} nonces a new claim is refused with 503 rather than forgetting one
 * early. Blocking Kafka calls stay on this class's own thread and on the bounded-elastic scheduler.
 */
public final class KafkaNonces implements Nonces, SmartLifecycle {

    /** Clocks of gateway instances and callers may differ by this much more than the window allows. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(KafkaNonces.class);
    private static final String TOPIC = Topics.SIGNATURE_NONCES.name();

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Map<String, Object> consumerProperties;
    private final Duration window;
    private final int maxRemembered;
    private final Duration timeout;
    private final Clock clock;
    private final NonceMemory memory = new NonceMemory();
    private final Map<String, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();

    private volatile boolean running;
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    private Thread follower;

    /**
     * @param consumerProperties the service's consumer settings (bootstrap servers, security); the group is dropped
     * @param window             the signature window: a nonce is kept until its timestamp is this far behind
     * @param timeout            longest wait for a claim to be stored and read back before answering 503
     */
    public KafkaNonces(KafkaTemplate<String, SpecificRecord> kafka, Map<String, Object> consumerProperties,
                       Duration window, int maxRemembered, Duration timeout, Clock clock) {
        this.kafka = kafka;
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        this.window = window;
        this.maxRemembered = maxRemembered;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Mono<Boolean> claim(String nonce, Instant signedAt) {
        return Mono.defer(() -> {
            if (memory.seen(nonce, clock.millis())) {
                return Mono.just(false);
            }
            if (memory.size() >= maxRemembered) {
                log.warn("event=nonce_memory_full remembered={} max={}", memory.size(), maxRemembered);
                return Mono.error(Refusal.unavailable("too many signed calls in the last " + window.toSeconds()
                        + " s to remember their nonces; retry later", null));
            }
            String claimId = UUID.randomUUID().toString();
            CompletableFuture<Boolean> verdict = new CompletableFuture<>();
            pending.put(claimId, verdict);
            SignatureNonceUsed used = SignatureNonceUsed.newBuilder().setEventId(claimId).setOccurredAt(clock.instant())
                    .setSource("gateway").setNonce(nonce).setSignedAt(signedAt).build();
            return Mono.fromFuture(() -> kafka.send(TOPIC, nonce, used))
                    .subscribeOn(Schedulers.boundedElastic())
                    .then(Mono.fromFuture(verdict))
                    .timeout(timeout)
                    .onErrorMap(e -> !(e instanceof Refusal), e -> {
                        log.warn("event=nonce_claim_failed reason=\"{}\"", e.toString());
                        return Refusal.unavailable("the signature's nonce could not be recorded on Kafka; retry later", e);
                    })
                    .doFinally(signal -> pending.remove(claimId));
        });
    }

    @Override
    public void start() {
        running = true;
        follower = new Thread(this::follow, "gateway-nonces");
        follower.setDaemon(true);
        follower.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, SpecificRecord> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (follower != null) {
            try {
                follower.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The follower thread: assign every partition, seek back, then read every claim in log order. */
    private void follow() {
        while (running) {
            try (KafkaConsumer<String, SpecificRecord> reader = new KafkaConsumer<>(consumerProperties,
                    new StringDeserializer(), new EventDeserializer())) {
                consumer = reader;
                if (!assign(reader)) {
                    pause();
                    continue;
                }
                long lastPurge = clock.millis();
                while (running) {
                    try {
                        for (ConsumerRecord<String, SpecificRecord> record : reader.poll(Duration.ofMillis(500))) {
                            remember(record);
                        }
                    } catch (RecordDeserializationException unreadable) {
                        // not a nonce claim dealledger wrote: skip it, it claims nothing
                        reader.seek(unreadable.topicPartition(), unreadable.offset() + 1);
                    }
                    if (clock.millis() - lastPurge > 10_000) {
                        memory.purge(clock.millis());
                        lastPurge = clock.millis();
                    }
                }
            } catch (WakeupException stopping) {
                // stop() woke the consumer up
            } catch (KafkaException | IllegalStateException e) {
                log.warn("event=nonce_follower_failed reason=\"{}\"; restarting", e.toString());
                pause();
            }
        }
    }

    private boolean assign(KafkaConsumer<String, SpecificRecord> reader) {
        List<PartitionInfo> infos;
        try {
            infos = reader.partitionsFor(TOPIC, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
            return false;
        }
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        reader.assign(partitions);
        // a claim still in the window was written at most one window before its timestamp's end
        long since = clock.millis() - window.multipliedBy(2).plus(SKEW).toMillis();
        // a claim another instance wrote meanwhile is read, not skipped (which would let its replay through here)
        LookBack.seek(reader, partitions, since);
        log.info("event=nonces_following topic={} partitions={} since={}", TOPIC, partitions.size(),
                Instant.ofEpochMilli(since));
        return true;
    }

    private void remember(ConsumerRecord<String, SpecificRecord> record) {
        if (!(record.value() instanceof SignatureNonceUsed used)) {
            return;
        }
        long expires = used.getSignedAt().plus(window).plus(SKEW).toEpochMilli();
        boolean first = memory.firstSighting(used.getNonce(), expires, clock.millis());
        CompletableFuture<Boolean> waiting = pending.remove(used.getEventId());
        if (waiting != null) {
            waiting.complete(first);
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** How many nonces this instance remembers now (for tests and diagnostics). */
    int remembered() {
        return memory.size();
    }
}
