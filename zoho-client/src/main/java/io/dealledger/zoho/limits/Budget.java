package io.dealledger.zoho.limits;

import reactor.core.publisher.Mono;

/** What a Zoho call must pass before it leaves: a permit from the budget of where it goes. */
public interface Budget {

    /** Waits for a permit; cancelling the wait gives up the place in the queue. */
    Mono<Permit> acquire(Priority priority);

    /** Held while the call runs; closing it frees the in-flight slot. */
    interface Permit extends AutoCloseable {

        /** What Zoho answered, so the budget can read a 429's code as a signal (44, 1070, 45). */
        default void answered(int httpStatus, String zohoCode) {
        }

        @Override
        void close();
    }
}
