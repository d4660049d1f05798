package io.dealledger.payment.ledger;

/**
 * An organization's state was asked of an instance that does not own its partition (another payment-service
 * instance does, or none has it yet): nothing may be decided about it here.
 */
public class NotOwnedException extends IllegalStateException {

    public NotOwnedException(String org, int partition) {
        super("organization " + org + " (partition " + partition + " of books.events.v1) is held by another "
                + "payment-service instance, not this one");
    }
}
