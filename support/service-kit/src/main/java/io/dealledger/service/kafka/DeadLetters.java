package io.dealledger.service.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.config.ServiceProperties;
import io.dealledger.service.failures.FailureClassifier;
import io.dealledger.service.failures.SyncFailures;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record a service cannot process is retried with back-off, then parked on the service's dead-letter
 * topic ({@code <topic>.<service>.dlt}) with the original bytes and the failure (exception class, message,
 * original topic, partition and offset) in headers, the most specific cause in {@value #REASON_HEADER} and
 * its {@link FailureCategory} in {@value FailureCategory#HEADER}; each is counted in
 * {@code dealledger_sync_failures_total}. Unreadable records are not retried: retrying cannot make them
 * readable.
 */
public final class DeadLetters {

    /** Header carrying why the record was dead-lettered (besides Spring's kafka_dlt-* headers). */
    public static final String REASON_HEADER = "dealledger-dlt-reason";

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(ServiceProperties service, Map<String, Object> producerProperties,
                                                   MeterRegistry meters) {
        return errorHandler(service, producerProperties, meters, List.of());
    }

    public static DefaultErrorHandler errorHandler(ServiceProperties service, Map<String, Object> producerProperties,
                                                   MeterRegistry meters, List<FailureClassifier> classifiers) {
        return errorHandler(service, producerProperties, meters, classifiers, List.of());
    }

    public static DefaultErrorHandler errorHandler(ServiceProperties service, Map<String, Object> producerProperties,
                                                   MeterRegistry meters, List<FailureClassifier> classifiers,
                                                   List<DeadLetterListener> listeners) {
        return errorHandler(service, parking(service, producerProperties, meters, classifiers, listeners));
    }

    /** Retries with the service's back-off, then parks the record with {@code parking}. */
    public static DefaultErrorHandler errorHandler(ServiceProperties service, Parking parking) {
        ServiceProperties.Retry retry = service.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(parking::park, backOff);
        handler.addNotRetryableExceptions(DeserializationException.class, SerializationException.class);
        return handler;
    }

    /**
     * How the service parks a record it could not process: on its dead-letter topic with the reason and category
     * headers, counted, and told to its {@link DeadLetterListener}s. The error handler parks with it after retries,
     * and so does a replay whose record fails again.
     */
    public static Parking parking(ServiceProperties service, Map<String, Object> producerProperties,
                                  MeterRegistry meters, List<FailureClassifier> classifiers,
                                  List<DeadLetterListener> listeners) {
        // dead letters are published outside any listener transaction, so they survive its rollback
        Map<String, Object> nonTransactional = new HashMap<>(producerProperties);
        nonTransactional.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(nonTransactional,
                new StringSerializer(), new DelegatingByTypeSerializer(Map.of(
                        byte[].class, new ByteArraySerializer(),
                        SpecificRecord.class, new EventSerializer()), true));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(factory),
                (record, failure) -> new TopicPartition(deadLetterTopic(record.topic(), service.name()), -1));
        recoverer.setHeadersFunction((record, failure) -> new RecordHeaders(new Header[] {
                new RecordHeader(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(FailureCategory.HEADER, FailureClassifier.categorize(failure, classifiers).name()
                        .getBytes(StandardCharsets.UTF_8))}));
        SyncFailures failures = new SyncFailures(meters, service.name().id());
        // counted per source topic, registered at start so "no dead letters" is a 0, not a missing series
        service.consumedTopics().forEach(topic -> deadLetterCounter(meters, service, topic.name()));
        return (record, failure) -> {
            recoverer.accept(record, failure);
            deadLetterCounter(meters, service, record.topic()).increment();
            FailureCategory category = FailureClassifier.categorize(failure, classifiers);
            failures.record(category, organizationOf(record));
            listeners.forEach(listener -> listener.parked(record, reason(failure), category));
        };
    }

    /** Parks a record on the service's dead-letter topic; throws when the broker does not take it. */
    @FunctionalInterface
    public interface Parking {
        void park(ConsumerRecord<?, ?> record, Exception failure);
    }

    /** The most specific cause of the failure, as a person would read it: "record on topic ... was written with ...". */
    static String reason(Exception failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** The Books organization of a dead-lettered event, where it was readable and names one. */
    public static String organizationOf(ConsumerRecord<?, ?> record) {
        if (record.value() instanceof SpecificRecord event) {
            Schema.Field field = event.getSchema().getField("organizationId");
            Object organization = field == null ? null : event.get(field.pos());
            return organization == null ? null : organization.toString();
        }
        return null;
    }

    private static Counter deadLetterCounter(MeterRegistry meters, ServiceProperties service, String topic) {
        return Counter.builder("dealledger.dead.letters").description("records parked on a dead-letter topic")
                .tag("topic", topic).tag("service", service.name().id()).register(meters);
    }

    static String deadLetterTopic(String topic, Service consumer) {
        return Topics.byName(topic).map(spec -> spec.deadLetterTopic(consumer))
                .orElse(topic + "." + consumer.id() + ".dlt");
    }
}
