package io.dealledger.service.deadletter;

/**
 * A dead letter its service cannot replay: no listener of the service consumes its source topic and no
 * {@link DeadLetterEntry} of it takes that topic, so there is no consumer path for it to re-enter.
 */
public final class NotReplayable extends RuntimeException {

    NotReplayable(String reason) {
        super(reason, null, false, false);
    }
}
