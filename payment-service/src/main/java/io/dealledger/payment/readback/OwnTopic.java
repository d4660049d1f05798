package io.dealledger.payment.readback;

import java.util.function.BiConsumer;

import io.dealledger.schemas.topics.TopicSpec;

import org.apache.avro.specific.SpecificRecord;

/**
 * One of payment-service's own topics and what each of its records (key, event) is handed to as {@link OwnTopics}
 * reads it back; the handler ignores what it does not keep.
 */
public record OwnTopic(TopicSpec topic, BiConsumer<String, SpecificRecord> onRecord) {
}
