package io.dealledger.payment.readback;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.dealledger.schemas.serde.EventDeserializer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one of payment-service's own topics from the beginning, every partition, without a consumer group,
 * and keeps following it: each instance holds the whole of it in memory. {@link #awaitCaughtUp} tells when
 * everything that was on the topic at start has been handed over.
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final String topic;
    private final Map<String, Object> consumerProperties;
    private final BiConsumer<String, SpecificRecord> onRecord;
    private final EventDeserializer events = new EventDeserializer();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public TopicTail(String topic, Map<String, Object> kafkaProperties, BiConsumer<String, SpecificRecord> onRecord) {
        this.topic = topic;
        this.onRecord = onRecord;
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "payment-service-tail-" + topic);
        this.consumerProperties = properties;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "tail-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream()
                        .allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                    log.info("event=tail_caught_up topic={} partitions={}", topic, partitions.size());
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer
        } catch (RuntimeException e) {
            log.error("event=tail_failed topic={} reason={}", topic, e.toString(), e);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            var infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
        }
        throw new WakeupException();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            onRecord.accept(record.key(), events.deserialize(topic, record.value()));
        } catch (RuntimeException e) {
            // our own topic: an unreadable record is a bug to see in the log, not a reason to stop remembering
            log.error("event=tail_record_skipped topic={} partition={} offset={} reason={}", topic, record.partition(),
                    record.offset(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
