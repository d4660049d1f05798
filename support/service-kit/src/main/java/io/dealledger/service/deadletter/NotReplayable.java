package io.dealledger.service.deadletter;

/**
 * A dead letter its service cannot replay: no listener of the service consumes its source topic (a Kafka Streams
 * topology parked it, say), so there is no consumer path for it to re-enter.
 */
public final class NotReplayable extends RuntimeException {

    NotReplayable(String reason) {
        super(reason, null, false, false);
    }
}
