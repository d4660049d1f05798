package io.dealledger.ledger.projection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the projection cannot read (unknown schema, not an event, not allowed on its topic) goes, bytes
 * unchanged, to {@code <topic>.ledger-projection-service.dlt} with the reason and its origin in headers, inside
 * the same exactly-once transaction; processing goes on. Nothing is dropped silently. One read from a retry topic
 * (a replayed dead letter still unreadable) goes back to its source topic's dead-letter topic, as a new dead letter.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        // a replayed record read from a retry topic is parked again with the dead letters of its source
        String deadLetterTopic = Topics.retriedSource(record.topic()).or(() -> Topics.byName(record.topic()))
                .map(spec -> spec.deadLetterTopic(Service.LEDGER_PROJECTION_SERVICE))
                .orElse(record.topic() + "." + Service.LEDGER_PROJECTION_SERVICE.id() + ".dlt");
        String reason = exception.getClass().getSimpleName() + ": " + exception.getMessage();
        log.error("record=unreadable topic={} partition={} offset={} deadLetterTopic={} reason=\"{}\"",
                record.topic(), record.partition(), record.offset(), deadLetterTopic, reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetters.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(FailureCategory.HEADER, FailureCategory.UNREADABLE_EVENT.name().getBytes(StandardCharsets.UTF_8));
        headers.add("dealledger-dlt-origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(),
                headers)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic follows from the record's topic
    }
}
