package io.dealledger.payment.backfill;

/**
 * Where a backfill of one org stands (the HTTP answer).
 *
 * @param resumedFrom     the checkpoint the run started from (Books last_modified_time), null for a first run
 * @param modifiedThrough the last_modified_time up to which invoices have been imported
 */
public record BackfillStatus(String organizationId, State state, String resumedFrom, long invoicesSeen,
                             long factsPublished, String modifiedThrough, String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    static BackfillStatus idle(String org, String checkpoint) {
        return new BackfillStatus(org, State.IDLE, null, 0, 0, checkpoint, null);
    }

    static BackfillStatus running(String org, String resumedFrom) {
        return new BackfillStatus(org, State.RUNNING, resumedFrom, 0, 0, resumedFrom, null);
    }

    BackfillStatus progress(long invoices, long facts, String through) {
        return new BackfillStatus(organizationId, state, resumedFrom, invoices, facts, through, error);
    }

    BackfillStatus done() {
        return new BackfillStatus(organizationId, State.DONE, resumedFrom, invoicesSeen, factsPublished, modifiedThrough, null);
    }

    BackfillStatus failed(String reason) {
        return new BackfillStatus(organizationId, State.FAILED, resumedFrom, invoicesSeen, factsPublished, modifiedThrough, reason);
    }
}
