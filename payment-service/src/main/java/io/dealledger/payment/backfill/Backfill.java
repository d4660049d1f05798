package io.dealledger.payment.backfill;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.dealledger.events.PollerCheckpoint;
import io.dealledger.payment.facts.Revision;
import io.dealledger.payment.poller.Checkpoints;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.payment.publish.Via;
import io.dealledger.payment.sync.BooksReader;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.zoho.books.BooksRecords.Invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an org's existing invoices with their payments, credits and write-offs as facts (no links), oldest
 * change first, so the invoice candidates and reconciliation see history. Paged (200 per page) and paced by the
 * Books client's per-org limiter; after every {@value #CHECKPOINT_EVERY} invoices it writes a checkpoint
 * (entity {@value #ENTITY}) to payment.checkpoints.v1, and a new run resumes from there. One run per org at a time.
 */
public class Backfill {

    public static final String ENTITY = "backfill-invoices";
    static final int CHECKPOINT_EVERY = 200;

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);

    private final BooksReader books;
    private final BooksSync sync;
    private final Checkpoints checkpoints;
    private final FactPublisher publisher;
    private final Clock clock;
    private final ExecutorService runner = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "backfill");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, BackfillStatus> runs = new ConcurrentHashMap<>();

    public Backfill(BooksReader books, BooksSync sync, Checkpoints checkpoints, FactPublisher publisher, Clock clock) {
        this.books = books;
        this.sync = sync;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Starts a run for the org unless one is running; answers the run's status. */
    public BackfillStatus start(String org) {
        String resumeFrom = checkpoints.get(org, ENTITY).map(PollerCheckpoint::getModifiedThrough).orElse(null);
        BackfillStatus started = BackfillStatus.running(org, resumeFrom);
        BackfillStatus current = runs.compute(org, (k, run) -> run != null && run.state() == BackfillStatus.State.RUNNING
                ? run : started);
        if (current == started) {
            runner.submit(() -> run(org, resumeFrom));
        }
        return current;
    }

    public BackfillStatus status(String org) {
        return runs.getOrDefault(org, BackfillStatus.idle(org,
                checkpoints.get(org, ENTITY).map(PollerCheckpoint::getModifiedThrough).orElse(null)));
    }

    private void run(String org, String resumeFrom) {
        long invoices = 0;
        long facts = 0;
        String through = resumeFrom;
        try {
            Map<String, String> filters = resumeFrom == null
                    ? Map.of("sort_column", "last_modified_time", "sort_order", "A")
                    : Map.of("sort_column", "last_modified_time", "sort_order", "A", "last_modified_time", resumeFrom);
            for (Invoice invoice : books.invoices(org, filters).toIterable(1)) {
                facts += sync.invoice(org, invoice, Via.BACKFILL).published().size();
                invoices++;
                if (invoice.lastModifiedTime() != null) {
                    through = invoice.lastModifiedTime();
                }
                if (invoices % CHECKPOINT_EVERY == 0) {
                    checkpoint(org, through, invoices);
                }
                runs.put(org, BackfillStatus.running(org, resumeFrom).progress(invoices, facts, through));
            }
            if (through != null) {
                checkpoint(org, through, invoices);
            }
            runs.put(org, BackfillStatus.running(org, resumeFrom).progress(invoices, facts, through).done());
            log.info("event=backfill_done org={} invoices={} facts={} through={}", org, invoices, facts, through);
        } catch (RuntimeException e) {
            runs.put(org, BackfillStatus.running(org, resumeFrom).progress(invoices, facts, through).failed(e.toString()));
            log.warn("event=backfill_failed org={} invoices={} facts={} through={} reason={}", org, invoices, facts,
                    through, e.toString());
        }
    }

    private void checkpoint(String org, String through, long invoices) {
        PollerCheckpoint checkpoint = PollerCheckpoint.newBuilder()
                .setEventId(EventIds.derive("PollerCheckpoint", org, ENTITY, through, String.valueOf(invoices)))
                .setOccurredAt(Instant.now(clock)).setSource("payment-service").setOrganizationId(org).setEntity(ENTITY)
                .setModifiedThrough(Revision.parse(through).map(Revision::format).orElse(through))
                .setRecordsSeen(invoices).build();
        publisher.publish(Topics.POLLER_CHECKPOINTS, Checkpoints.key(org, ENTITY), checkpoint);
        checkpoints.remember(checkpoint);
    }

    public void shutdown() {
        runner.shutdownNow();
    }
}
