package io.dealledger.payment.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dealledger.core.time.BooksTime;
import io.dealledger.events.PollerCheckpoint;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.BooksReader;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.InvoiceRows;
import io.dealledger.payment.sync.SyncResult;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.limits.BooksOrgBudget;
import io.dealledger.zoho.limits.Priority;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The safety net for dropped webhooks, at one Books call per organization and pass when nothing changed. Every
 * {@code interval} (4 min 48 s by default: 300 calls a day, a dropped webhook caught within 5 minutes), per
 * configured org, one list read of the invoices Books changed since the checkpoint minus {@code overlap}, newest
 * first ({@code last_modified_time} filter and sort). Payments, credits, write-offs and voids all change an invoice's
 * balance, so that one list covers them: a row whose total, balance, due date and void state equal what the ledger
 * was told costs nothing more; only the others are read back whole (and their payments or credits when those
 * changed). List rows are never taken as the truth about applications: a row only says "look again". Then the
 * checkpoint goes to payment.checkpoints.v1, so a restart resumes where it stopped.
 *
 * <p>With several instances, the one that owns an organization (holds its partition of books.events.v1,
 * {@code ledger.Ownership}) polls it. Its list reads are {@link Priority#LOW}: they wait behind webhooks and invoice pushes, and never spend more than this
 * service's share of the organization's day; when that share runs short the passes are spread over what is left of
 * the day. Reading back an invoice the list shows changed is what its webhook would have cost, at the webhook's
 * priority: it holds the invoice's lock, and a webhook of that invoice must not wait behind a LOW call.
 */
public class BooksPoller implements SmartLifecycle {

    static final String INVOICES = "invoices";
    /** How often the scheduler looks whether an organization is due. */
    private static final Duration TICK = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(BooksPoller.class);

    private final List<String> organizations;
    private final PollerProperties settings;
    private final BooksReader books;
    private final BooksSync sync;
    private final PaymentNotices notices;
    private final Checkpoints checkpoints;
    private final FactPublisher publisher;
    private final PaymentMetrics metrics;
    private final java.util.function.Predicate<String> owns;
    private final Clock clock;
    private final Map<String, Instant> nextPass = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    public BooksPoller(List<String> organizations, PollerProperties settings, BooksReader books, BooksSync sync,
                       PaymentNotices notices, Checkpoints checkpoints, FactPublisher publisher, PaymentMetrics metrics,
                       java.util.function.Predicate<String> owns, Clock clock) {
        this.organizations = organizations;
        this.settings = settings;
        this.books = books.at(Priority.LOW);
        // the list waits behind webhooks; reading back what it found changed is a webhook that never came, and does
        // so under the invoice's lock: at LOW it would hold a webhook of the same invoice behind it until LOW's turn
        this.sync = sync;
        this.notices = notices;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.metrics = metrics;
        this.owns = owns;
        this.clock = clock;
    }

    /** One pass over every organization this instance owns, due or not (tests call it). */
    public void pollAll() {
        for (String org : organizations) {
            if (owns.test(org)) {
                poll(org);
            }
        }
    }

    /** The scheduler's step: each owned organization whose pass is due, and when its next one is. */
    void pollDue() {
        Instant now = clock.instant();
        for (String org : organizations) {
            if (!owns.test(org) || now.isBefore(nextPass.getOrDefault(org, Instant.EPOCH))) {
                continue;
            }
            BooksOrgBudget budget = books.budget(org);
            Instant held = budget.refusedUntil(Priority.LOW);
            if (held != null) {
                metrics.poll(INVOICES, "held");
                nextPass.put(org, held);
                log.info("event=poll_held org={} until={} reason=daily_budget", org, held);
                continue;
            }
            poll(org);
            nextPass.put(org, now.plus(interval(budget, now)));
        }
    }

    /**
     * The configured interval, or longer when this service's share of the day would not last at that pace
     * (a small plan): what is left of the share is spread over what is left of the organization's day.
     */
    Duration interval(BooksOrgBudget budget, Instant now) {
        return interval(settings.interval(), budget.dailyShare() - budget.serviceCallsToday(),
                Duration.between(now, budget.nextDay()));
    }

    /** A pass costs one call when nothing changed: {@code callsLeft} passes fit in what is left of the day. */
    static Duration interval(Duration configured, long callsLeft, Duration untilMidnight) {
        if (callsLeft <= 0) {
            return untilMidnight;
        }
        Duration spread = untilMidnight.dividedBy(callsLeft);
        return spread.compareTo(configured) > 0 ? spread : configured;
    }

    private void poll(String org) {
        PollerCheckpoint previous = checkpoints.get(org, INVOICES).orElse(null);
        Instant through = previous == null ? clock.instant() : modified(previous.getModifiedThrough());
        Instant since = through.minus(settings.overlap());
        long rows = 0;
        int readBack = 0;
        int facts = 0;
        try {
            // newest first: should Books ignore the filter, the sort still ends the read at the window
            Iterable<Invoice> changed = books.invoices(org, Map.of("last_modified_time", BooksTime.format(since),
                            "sort_column", "last_modified_time", "sort_order", "D"))
                    .takeWhile(row -> !modified(row.lastModifiedTime()).isBefore(since))
                    .take(settings.maxRows()).toIterable(1);
            for (Invoice row : changed) {
                rows++;
                Instant modified = modified(row.lastModifiedTime());
                through = modified.isAfter(through) ? modified : through;
                if (InvoiceRows.unchanged(row, sync.known(org, row.invoiceId()))) {
                    continue;
                }
                readBack++;
                SyncResult synced = sync.invoice(org, row.invoiceId(), Trigger.POLLER).orElse(SyncResult.NOTHING);
                facts += synced.published().size();
                notices.announce(org, synced.appliedPayments());
            }
        } catch (RuntimeException e) {
            metrics.poll(INVOICES, "failed");
            log.warn("event=poll_failed org={} entity={} since={} reason={}", org, INVOICES, since, e.toString());
            return;
        }
        PollerCheckpoint checkpoint = PollerCheckpoint.newBuilder()
                .setEventId(EventIds.derive("PollerCheckpoint", org, INVOICES, BooksTime.format(through), String.valueOf(rows)))
                .setOccurredAt(clock.instant()).setSource("payment-service").setOrganizationId(org).setEntity(INVOICES)
                .setModifiedThrough(BooksTime.format(through)).setRecordsSeen(rows).build();
        publisher.publish(Topics.POLLER_CHECKPOINTS, Checkpoints.key(org, INVOICES), checkpoint);
        checkpoints.remember(checkpoint);
        metrics.poll(INVOICES, "ok");
        log.info("event=poll_done org={} since={} through={} rows={} read_back={} facts={}", org,
                BooksTime.format(since), checkpoint.getModifiedThrough(), rows, readBack, facts);
    }

    private Instant modified(String lastModifiedTime) {
        return BooksTime.parse(lastModifiedTime).orElse(clock.instant());
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "books-poller");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.min(TICK.toMillis(), settings.interval().toMillis());
        executor.scheduleWithFixedDelay(this::pollSafely, 0, tick, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            pollDue();
        } catch (RuntimeException e) {
            log.warn("event=poll_failed reason={}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled() && !organizations.isEmpty();
    }
}
