package io.dealledger.service.kafka;

import io.dealledger.schemas.failures.FailureCategory;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Told of every record a service parks on its dead-letter topic after retries, once it is parked: a service
 * whose callers wait for an answer (an invoice request's status) says why there, so no request stays
 * "accepted" with no reason.
 */
public interface DeadLetterListener {

    /**
     * @param record   the record as consumed (its value may be a deserialization failure's raw bytes)
     * @param reason   the most specific cause, as a person reads it
     * @param category what kind of failure it is
     */
    void parked(ConsumerRecord<?, ?> record, String reason, FailureCategory category);
}
