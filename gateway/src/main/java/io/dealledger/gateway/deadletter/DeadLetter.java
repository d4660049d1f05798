package io.dealledger.gateway.deadletter;

import java.time.Instant;

import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.service.deadletter.ParkedRecord;

/**
 * A dead letter as {@code GET /api/v1/dead-letters} lists it. Fields the record cannot tell are null: the event's
 * type, id, organization and deal when its bytes are not a readable event (or the event has no such field),
 * the source partition and offset when its headers do not say, {@code replayedAt} while it is pending.
 *
 * @param service         the service that parked it (invoice-service, payment-service, ...)
 * @param deadLetterTopic where it is parked, with {@code partition} and {@code offset}: what a replay names
 * @param sourceTopic     the topic it was consumed from, and re-published to by a replay
 * @param category        its {@code FailureCategory} name, with the {@code categoryLabel} a person reads
 * @param deadLetteredAt  when it was parked (the dead-letter record's timestamp)
 * @param replayedAt      when it was re-published to {@code sourceTopic}; null while pending
 */
public record DeadLetter(String service, String deadLetterTopic, int partition, long offset, String sourceTopic,
                         Integer sourcePartition, Long sourceOffset, String key, String eventType, String eventId,
                         String organizationId, String dealId, String reason, String category, String categoryLabel,
                         Instant deadLetteredAt, Instant replayedAt) {

    /** How {@code parked} is listed, given when it was replayed (null: still pending). */
    static DeadLetter of(ParkedRecord parked, Instant replayedAt) {
        ParkedRecord.Event event = parked.event();
        FailureCategory category = parked.category();
        ParkedRecord.Origin origin = parked.origin();
        return new DeadLetter(parked.topic().service().id(), parked.topic().name(), parked.record().partition(),
                parked.record().offset(), origin.topic(), origin.partition(), origin.offset(), parked.record().key(),
                event.type(), event.eventId(), event.organizationId(), event.dealId(), parked.reason(), category.name(),
                category.label(), parked.deadLetteredAt(), replayedAt);
    }
}
