package io.dealledger.gateway.publish;

import java.time.Duration;
import java.util.List;

import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.metrics.GatewayMetrics;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.topics.TopicSpec;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts events on Kafka and completes only once the broker acknowledged them (acks=all, idempotent
 * producer, from service-kit), so the gateway never answers 2xx for an event that was not stored. A
 * failure or a timeout becomes a 503 so Zoho (or the caller) retries.
 */
@Component
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final GatewayMetrics metrics;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<String, SpecificRecord> kafka, GatewayMetrics metrics,
                          GatewayProperties properties) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.timeout = properties.publishTimeout();
    }

    /** One event to publish: the catalogue topic, its key and the event. */
    public record Outgoing(TopicSpec topic, String key, SpecificRecord event) {
    }

    private static Object eventId(SpecificRecord event) {
        return field(event, "eventId");
    }

    private static Object field(SpecificRecord event, String name) {
        return event instanceof GenericRecord record && record.getSchema().getField(name) != null
                ? record.get(name) : null;
    }

    public Mono<Void> publish(TopicSpec topic, String key, SpecificRecord event) {
        return publishAll(List.of(new Outgoing(topic, key, event)));
    }

    /** Publishes all and completes when every one is acknowledged; fails with a 503 refusal otherwise. */
    public Mono<Void> publishAll(List<Outgoing> events) {
        return Flux.fromIterable(events).flatMap(this::send).then();
    }

    private Mono<SendResult<String, SpecificRecord>> send(Outgoing outgoing) {
        String topic = outgoing.topic().name();
        return Mono.defer(() -> {
                    long started = System.nanoTime();
                    // send() may block up to max.block.ms waiting for metadata: keep it off the event loop
                    return Mono.fromFuture(() -> kafka.send(topic, outgoing.key(), outgoing.event()))
                            .subscribeOn(Schedulers.boundedElastic())
                            .timeout(timeout)
                            .doOnSuccess(result -> {
                                metrics.published(topic, true, Duration.ofNanos(System.nanoTime() - started));
                                log.info("event=published type={} eventId={} dealId={} orgId={} key={} topic={}"
                                                + " partition={} offset={}",
                                        outgoing.event().getSchema().getName(), eventId(outgoing.event()),
                                        field(outgoing.event(), "dealId"), field(outgoing.event(), "organizationId"),
                                        outgoing.key(), topic, result.getRecordMetadata().partition(),
                                        result.getRecordMetadata().offset());
                            })
                            .onErrorMap(e -> {
                                metrics.published(topic, false, Duration.ofNanos(System.nanoTime() - started));
                                log.warn("event=publish_failed type={} eventId={} key={} topic={} reason=\"{}\"",
                                        outgoing.event().getSchema().getName(), eventId(outgoing.event()),
                                        outgoing.key(), topic, e.toString());
                                return Refusal.unavailable("the event could not be stored on Kafka; retry later", e);
                            });
                });
    }
}
