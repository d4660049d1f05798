package io.dealledger.payment.backfill;

/**
 * Where a backfill of one org stands (the HTTP answer).
 *
 * @param resumedFrom     the checkpoint the run started from (Books last_modified_time), null for a first run
 * @param pages           list pages of 200 invoices read so far
 * @param paymentsApplied payments newly counted on the imported invoices ({@code PaymentApplied} facts)
 * @param invoicesLinked  invoices linked to the deal they name (auto-association)
 * @param callsSpent      Books calls payment-service spent on the org since the run began (the backfill's, and any
 *                        webhook handled meanwhile)
 * @param callsLeftToday  what is left of payment-service's share of the org's Books calls today
 * @param modifiedThrough the last_modified_time up to which invoices have been imported
 */
public record BackfillStatus(String organizationId, State state, String resumedFrom, long pages, long invoicesSeen,
                             long paymentsApplied, long invoicesLinked, long factsPublished, long callsSpent,
                             long callsLeftToday, String modifiedThrough, String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** What a run has done so far. */
    record Progress(long pages, long invoices, long payments, long links, long facts, String through) {
        static Progress from(String through) {
            return new Progress(0, 0, 0, 0, 0, through);
        }
    }

    static BackfillStatus idle(String org, String checkpoint, long callsLeftToday) {
        return new BackfillStatus(org, State.IDLE, null, 0, 0, 0, 0, 0, 0, callsLeftToday, checkpoint, null);
    }

    static BackfillStatus of(String org, State state, String resumedFrom, Progress progress, long callsSpent,
                             long callsLeftToday, String error) {
        return new BackfillStatus(org, state, resumedFrom, progress.pages(), progress.invoices(), progress.payments(),
                progress.links(), progress.facts(), callsSpent, callsLeftToday, progress.through(), error);
    }
}
