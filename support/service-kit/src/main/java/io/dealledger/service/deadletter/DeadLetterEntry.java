package io.dealledger.service.deadletter;

/**
 * A way back into a service's own processing for its dead letters of a topic no spring-kafka listener of it consumes:
 * a Kafka Streams topology, which re-reads what it is handed from a retry topic the service owns (ledger-projection-
 * service's). A bean of this type is used by {@link OwnDeadLetters} for a dead letter whose source topic it
 * {@link #takes takes} when no listener consumes that topic; without one such a dead letter is refused (409).
 */
public interface DeadLetterEntry {

    /** Whether this entry takes back records consumed from {@code topic} (the topic a dead letter came from). */
    boolean takes(String topic);

    /**
     * Hands {@code parked} back to the service's processing, returning once it is sure to be processed (on the retry
     * topic, say: the processing itself may come later, and parks the record again if it fails again). Throws when it
     * could not be handed back; the replay then answers 503 and the dead letter stays pending.
     */
    void reenter(ParkedRecord parked);
}
