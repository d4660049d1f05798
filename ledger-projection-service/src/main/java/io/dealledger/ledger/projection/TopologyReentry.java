package io.dealledger.ledger.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.deadletter.DeadLetterEntry;
import io.dealledger.service.deadletter.ParkedRecord;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;

/**
 * The way back into the topology for the projection's dead letters (docs/architecture.md §3, "Dead letters"): a
 * replayed one goes, key, bytes and own headers as its writer sent them and with
 * {@value ParkedRecord#REPLAY_OF_HEADER}, to the retry topic of the topic it was parked from
 * ({@link Topics#retriesOf}), which only this service writes and {@link LedgerTopology} reads with that topic. Nothing
 * is written to the source topic (ledger.facts.v1 is payment-service's, invoice.outcomes.v1 invoice-service's, the
 * others the gateway's). Same partition as where it was read when the dead letter says, else the key's, as its writer
 * chose: a replayed fact reaches the invoice's task. The topology applies it like any record (a fact id it applied
 * before is a no-op) and parks it again, as a new dead letter, if it still cannot.
 */
final class TopologyReentry implements DeadLetterEntry, DisposableBean {

    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    TopologyReentry(Map<String, Object> producerProperties, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        // a replay is one record handed back on an operator's request, outside the topology's transactions
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "ledger-projection-service-dead-letter-replays");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        this.timeout = timeout;
    }

    /** The topics the topology consumes, and their retry topics (a replay that was parked again). */
    @Override
    public boolean takes(String topic) {
        return Topics.retriesOf(topic).isPresent() || Topics.retriedSource(topic).isPresent();
    }

    @Override
    public void reenter(ParkedRecord parked) {
        TopicSpec retries = Topics.retriesOf(parked.topic().sourceTopic()).orElseThrow(() -> new IllegalArgumentException(
                parked.topic().name() + " is not a dead-letter topic of a topic the projection consumes"));
        RecordHeaders headers = new RecordHeaders(parked.originalHeaders());
        headers.add(new RecordHeader(ParkedRecord.REPLAY_OF_HEADER, parked.replayKey().getBytes(StandardCharsets.UTF_8)));
        Integer partition = parked.origin().partition();
        ProducerRecord<String, byte[]> replay = new ProducerRecord<>(retries.name(),
                partition != null && partition < retries.partitions() ? partition : null, null,
                parked.record().key(), parked.record().value(), headers);
        try {
            producer.send(replay).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(retries.name() + " could not be written: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + retries.name(), e);
        }
    }

    @Override
    public void destroy() {
        producer.close(timeout);
    }
}
