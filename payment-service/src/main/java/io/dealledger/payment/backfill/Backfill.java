package io.dealledger.payment.backfill;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.dealledger.core.time.BooksTime;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PollerCheckpoint;
import io.dealledger.payment.backfill.BackfillStatus.Progress;
import io.dealledger.payment.backfill.BackfillStatus.State;
import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.poller.Checkpoints;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.BooksReader;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.SyncResult;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.limits.BooksOrgBudget;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an org's existing invoices with their payments, credits and write-offs as facts, oldest change first, so
 * the invoice candidates and reconciliation see history; an invoice that names its CRM deal is linked to it on the
 * way (auto-association, {@code InvoiceSightings}). Paged (200 per page) and paced by the org's Books budget at LOW
 * priority; after every {@value #CHECKPOINT_EVERY} invoices it writes a checkpoint (entity {@value #ENTITY}) to
 * payment.checkpoints.v1, and a new run, on this instance or another after a crash, resumes from there. One run per
 * org at a time in an instance. The status tells the pages, invoices, payments and links so far, the Books calls
 * spent and those left today.
 */
public class Backfill {

    public static final String ENTITY = "backfill-invoices";
    static final int CHECKPOINT_EVERY = 200;
    static final int PAGE = 200;

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

    /** Whether this instance owns the org: only its owner can run its backfill. */
    public boolean owns(String org) {
        return sync.owns(org);
    }

    /** Starts a run for the org unless one is running; answers the run's status. */
    public BackfillStatus start(String org) {
        String resumeFrom = checkpoints.get(org, ENTITY).map(PollerCheckpoint::getModifiedThrough).orElse(null);
        long spentBefore = books.budget(org).serviceCallsToday();
        BackfillStatus started = status(org, State.RUNNING, resumeFrom, Progress.from(resumeFrom), spentBefore, null);
        BackfillStatus current = runs.compute(org, (k, run) -> run != null && run.state() == State.RUNNING
                ? run : started);
        if (current == started) {
            runner.submit(() -> run(org, resumeFrom, spentBefore));
        }
        return current;
    }

    public BackfillStatus status(String org) {
        return runs.getOrDefault(org, BackfillStatus.idle(org,
                checkpoints.get(org, ENTITY).map(PollerCheckpoint::getModifiedThrough).orElse(null),
                callsLeftToday(books.budget(org))));
    }

    private void run(String org, String resumeFrom, long spentBefore) {
        Progress progress = Progress.from(resumeFrom);
        try {
            Map<String, String> filters = resumeFrom == null
                    ? Map.of("sort_column", "last_modified_time", "sort_order", "A")
                    : Map.of("sort_column", "last_modified_time", "sort_order", "A", "last_modified_time", resumeFrom);
            for (Invoice invoice : books.invoices(org, filters).toIterable(1)) {
                progress = counted(progress, sync.invoice(org, invoice, Trigger.BACKFILL), invoice.lastModifiedTime());
                if (progress.invoices() % CHECKPOINT_EVERY == 0) {
                    checkpoint(org, progress.through(), progress.invoices());
                }
                runs.put(org, status(org, State.RUNNING, resumeFrom, progress, spentBefore, null));
            }
            if (progress.through() != null) {
                checkpoint(org, progress.through(), progress.invoices());
            }
            progress = new Progress(Math.max(1, progress.pages()), progress.invoices(), progress.payments(),
                    progress.links(), progress.facts(), progress.through());
            runs.put(org, status(org, State.DONE, resumeFrom, progress, spentBefore, null));
            log.info("event=backfill_done org={} pages={} invoices={} payments={} links={} facts={} through={}", org,
                    progress.pages(), progress.invoices(), progress.payments(), progress.links(), progress.facts(),
                    progress.through());
        } catch (RuntimeException e) {
            runs.put(org, status(org, State.FAILED, resumeFrom, progress, spentBefore, e.toString()));
            log.warn("event=backfill_failed org={} invoices={} facts={} through={} reason={}", org,
                    progress.invoices(), progress.facts(), progress.through(), e.toString());
        }
    }

    /** The progress once one more invoice is synced: pages of {@value #PAGE} are counted as they are begun. */
    private static Progress counted(Progress before, SyncResult synced, String modified) {
        long invoices = before.invoices() + 1;
        long pages = (invoices + PAGE - 1) / PAGE;
        long payments = before.payments() + count(synced, PaymentApplied.class);
        long links = before.links() + count(synced, InvoiceLinked.class);
        return new Progress(pages, invoices, payments, links, before.facts() + synced.published().size(),
                modified != null ? modified : before.through());
    }

    private static long count(SyncResult synced, Class<?> type) {
        return synced.published().stream().map(Fact::event).filter(type::isInstance).count();
    }

    private BackfillStatus status(String org, State state, String resumedFrom, Progress progress, long spentBefore,
                                  String error) {
        BooksOrgBudget budget = books.budget(org);
        return BackfillStatus.of(org, state, resumedFrom, progress, Math.max(0, budget.serviceCallsToday() - spentBefore),
                callsLeftToday(budget), error);
    }

    private static long callsLeftToday(BooksOrgBudget budget) {
        return Math.max(0, budget.dailyShare() - budget.serviceCallsToday());
    }

    private void checkpoint(String org, String through, long invoices) {
        PollerCheckpoint checkpoint = PollerCheckpoint.newBuilder()
                .setEventId(EventIds.derive("PollerCheckpoint", org, ENTITY, through, String.valueOf(invoices)))
                .setOccurredAt(Instant.now(clock)).setSource("payment-service").setOrganizationId(org).setEntity(ENTITY)
                .setModifiedThrough(BooksTime.parse(through).map(BooksTime::format).orElse(through))
                .setRecordsSeen(invoices).build();
        publisher.publish(Topics.POLLER_CHECKPOINTS, Checkpoints.key(org, ENTITY), checkpoint);
        checkpoints.remember(checkpoint);
    }

    public void shutdown() {
        runner.shutdownNow();
    }
}
