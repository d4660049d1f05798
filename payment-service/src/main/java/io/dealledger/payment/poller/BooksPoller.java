package io.dealledger.payment.poller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.dealledger.events.PollerCheckpoint;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.payment.config.PaymentProperties;
import io.dealledger.payment.facts.Revision;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.payment.publish.Via;
import io.dealledger.payment.sync.BooksReader;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.Synced;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Topics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;

/**
 * The safety net for dropped webhooks. Every {@code interval}, per configured org, it re-reads what Books
 * changed since the checkpoint minus {@code overlap} and publishes whatever facts are missing, then writes the
 * checkpoint to payment.checkpoints.v1 (read back at start, so a restart resumes where it stopped).
 *
 * <p>Invoices are the complete pass: every payment applied or deleted, credit applied or taken back, write-off
 * and void changes the invoice's {@code last_modified_time} (Books list filter {@code last_modified_time},
 * sorted ascending). Customer payments are a cheap second pass: newest first, stopping at the first one older
 * than the window. Calls are paced by the Books client's per-org limiter.
 */
public class BooksPoller implements SmartLifecycle {

    static final String INVOICES = "invoices";
    static final String PAYMENTS = "customerpayments";

    private static final Logger log = LoggerFactory.getLogger(BooksPoller.class);

    private final List<String> organizations;
    private final PaymentProperties.Poller settings;
    private final BooksReader books;
    private final BooksSync sync;
    private final PaymentNotices notices;
    private final Checkpoints checkpoints;
    private final FactPublisher publisher;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public BooksPoller(List<String> organizations, PaymentProperties.Poller settings, BooksReader books, BooksSync sync,
                       PaymentNotices notices, Checkpoints checkpoints, FactPublisher publisher, PaymentMetrics metrics,
                       Clock clock) {
        this.organizations = organizations;
        this.settings = settings;
        this.books = books;
        this.sync = sync;
        this.notices = notices;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One pass over every configured org (also what the scheduler runs). */
    public void pollAll() {
        for (String org : organizations) {
            poll(org, INVOICES, since -> books.invoices(org, Map.of("last_modified_time", Revision.format(since),
                    "sort_column", "last_modified_time", "sort_order", "A")),
                    invoice -> new Seen(invoice.lastModifiedTime(), sync.invoice(org, invoice, Via.POLLER)));
            poll(org, PAYMENTS, since -> books.payments(org, Map.of())
                    .takeWhile(payment -> !modified(payment.lastModifiedTime()).isBefore(since)),
                    payment -> new Seen(payment.lastModifiedTime(), sync.payment(org, payment, Via.POLLER)));
        }
    }

    private record Seen(String lastModifiedTime, Synced synced) {
    }

    /** Records are read page by page and synced on the poller thread (never on the HTTP client's threads). */
    private <T> void poll(String org, String entity, Function<Instant, Flux<T>> read, Function<T, Seen> syncOne) {
        PollerCheckpoint previous = checkpoints.get(org, entity).orElse(null);
        Instant through = previous == null ? clock.instant() : modified(previous.getModifiedThrough());
        Instant since = through.minus(settings.overlap());
        long records = 0;
        int facts = 0;
        try {
            for (T record : read.apply(since).toIterable(1)) {
                Seen seen = syncOne.apply(record);
                records++;
                facts += seen.synced().published().size();
                notices.announce(org, seen.synced().appliedPayments());
                Instant modified = modified(seen.lastModifiedTime());
                through = modified.isAfter(through) ? modified : through;
            }
        } catch (RuntimeException e) {
            metrics.poll(entity, "failed");
            log.warn("event=poll_failed org={} entity={} since={} reason={}", org, entity, since, e.toString());
            return;
        }
        PollerCheckpoint checkpoint = PollerCheckpoint.newBuilder()
                .setEventId(EventIds.derive("PollerCheckpoint", org, entity, Revision.format(through), String.valueOf(records)))
                .setOccurredAt(clock.instant()).setSource("payment-service").setOrganizationId(org).setEntity(entity)
                .setModifiedThrough(Revision.format(through)).setRecordsSeen(records).build();
        publisher.publish(Topics.POLLER_CHECKPOINTS, Checkpoints.key(org, entity), checkpoint);
        checkpoints.remember(checkpoint);
        metrics.poll(entity, "ok");
        log.info("event=poll_done org={} entity={} since={} through={} records={} facts={}", org, entity,
                Revision.format(since), checkpoint.getModifiedThrough(), records, facts);
    }

    private Instant modified(String lastModifiedTime) {
        return Revision.parse(lastModifiedTime).orElse(clock.instant());
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "books-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            pollAll();
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
