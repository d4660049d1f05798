package io.dealledger.payment.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.PaymentReceived;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.notification.WaitingHints.Waiting;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.BurstSync;
import io.dealledger.payment.sync.BurstSync.PaymentHint;
import io.dealledger.payment.sync.SyncResult;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The burst path of books.events.v1 (docs/architecture.md, "API economy"). When one batch holds at least
 * {@code threshold} payment and invoice notifications of one organization, they are checked together against one list
 * read of the invoices' balances ({@link BurstSync}) instead of one read each.
 *
 * <p>While a burst is still arriving, Books is ahead of the notifications read so far. The notifications on an
 * invoice Books shows ahead wait ({@link WaitingHints}) and are checked again with the next batch, whose notifications
 * usually make it add up: a burst costs a list read per batch, not a read back per invoice. Nothing waits longer than
 * {@code maxWait}, nor once the organization's notifications stop (a batch without any, or the listener idle): then
 * what still does not add up is read back.
 */
final class BurstBatches {

    /** How a settled notification is reported, as the one-by-one path reports it (metrics, log, Cliq). */
    interface Report {
        void handled(String type, String eventId, String org, String record, Instant occurredAt, SyncResult synced);
    }

    private static final Logger log = LoggerFactory.getLogger(BurstBatches.class);

    private final BurstSync burst;
    private final HandledHints handled;
    private final PaymentNotices notices;
    private final PaymentMetrics metrics;
    private final int threshold;
    private final Duration maxWait;
    private final Clock clock;
    private final Report report;
    private final Consumer<Object> oneByOne;
    private final WaitingHints waiting = new WaitingHints();
    private final Predicate<String> owns;
    private final Consumer<Object> toOwner;

    BurstBatches(BurstSync burst, HandledHints handled, PaymentNotices notices, PaymentMetrics metrics, int threshold,
                 Duration maxWait, Clock clock, Report report, Consumer<Object> oneByOne, Predicate<String> owns,
                 Consumer<Object> toOwner) {
        this.owns = owns;
        this.toOwner = toOwner;
        this.burst = burst;
        this.handled = handled;
        this.notices = notices;
        this.metrics = metrics;
        this.threshold = threshold;
        this.maxWait = maxWait;
        this.clock = clock;
        this.report = report;
        this.oneByOne = oneByOne;
    }

    /** The batch's records a burst settled or set to wait (the one-by-one path skips them). */
    boolean[] settle(List<ConsumerRecord<String, Object>> records) {
        boolean[] settled = new boolean[records.size()];
        Map<String, Map<String, Integer>> byOrg = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String key = burstKey(records.get(i).value());
            if (key != null && owns.test(org(records.get(i).value()))) {
                byOrg.computeIfAbsent(org(records.get(i).value()), org -> new LinkedHashMap<>()).put(key, i);
            }
        }
        handOver();
        Set<String> orgs = new LinkedHashSet<>(byOrg.keySet());
        orgs.addAll(waiting.orgs());
        for (String org : orgs) {
            Map<String, Integer> batch = byOrg.getOrDefault(org, Map.of());
            Map<String, Waiting> carried = waiting.take(org);
            if (!carried.isEmpty() || batch.size() >= threshold) {
                settle(org, records, batch, carried, settled);
            }
        }
        return settled;
    }

    /** The notifications stopped (the listener is idle): whatever waits is settled now. */
    void quiet() {
        handOver();
        for (String org : waiting.orgs()) {
            settle(org, List.of(), Map.of(), waiting.take(org), new boolean[0]);
        }
    }

    /** Hints waiting for an organization another instance owns now go to it (payment.work.v1), none is dropped. */
    private void handOver() {
        for (String org : waiting.orgs()) {
            if (!owns.test(org)) {
                waiting.take(org).values().forEach(held -> toOwner.accept(held.event()));
            }
        }
    }

    private void settle(String org, List<ConsumerRecord<String, Object>> records, Map<String, Integer> batch,
                        Map<String, Waiting> carried, boolean[] settled) {
        Instant now = clock.instant();
        // the notifications in play: those waiting, then the batch's (a newer one of the same record replaces one)
        Map<String, Object> events = new LinkedHashMap<>();
        Map<String, Instant> since = new HashMap<>();
        carried.forEach((key, held) -> {
            events.put(key, held.event());
            since.put(key, held.since());
        });
        batch.forEach((key, i) -> events.put(key, records.get(i).value()));
        Map<String, PaymentHint> hints = new LinkedHashMap<>();
        Set<String> notified = new LinkedHashSet<>();
        Set<String> overdue = new HashSet<>();
        Instant earliest = now;
        for (Map.Entry<String, Object> entry : events.entrySet()) {
            Set<String> invoices = invoicesOf(entry.getValue());
            if (entry.getValue() instanceof PaymentReceived payment) {
                hints.put(entry.getKey(), hint(payment));
            } else {
                notified.addAll(invoices);
            }
            Instant began = since.get(entry.getKey());
            if (began != null && !began.plus(maxWait).isAfter(now)) {
                overdue.addAll(invoices);
            }
            Instant occurred = occurredAt(entry.getValue());
            earliest = occurred.isBefore(earliest) ? occurred : earliest;
        }
        boolean quiet = batch.isEmpty();
        Predicate<String> mayWait = invoiceId -> !quiet && !overdue.contains(invoiceId);
        BurstSync.Result result;
        try {
            result = burst.confirm(org, new ArrayList<>(hints.values()), notified, earliest, mayWait,
                    Trigger.NOTIFICATION);
        } catch (RuntimeException e) {
            log.warn("event=burst_unconfirmed org={} payments={} invoices={} waiting={} reason=\"{}\"", org, hints.size(),
                    notified.size(), carried.size(), e.toString());
            waiting.keep(org, carried);
            return;
        }
        if (!result.readBack().published().isEmpty()) {
            notices.announce(org, result.readBack().appliedPayments());
        }
        Set<String> done = new HashSet<>();
        Map<String, Waiting> stillWaiting = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : events.entrySet()) {
            String key = entry.getKey();
            Object event = entry.getValue();
            Optional<SyncResult> synced = settled(event, hints.get(key), result);
            if (synced.isPresent()) {
                done.add(key);
                handled.handled(eventId(event));
                report(org, event, synced.get());
            } else if (waits(event, hints.get(key), result)) {
                done.add(key);
                stillWaiting.put(key, new Waiting(event, since.getOrDefault(key, now)));
            } else if (!batch.containsKey(key)) {
                handleWaited(org, key, event, since.get(key), stillWaiting);
            }
        }
        for (int i = 0; i < records.size(); i++) {
            Object value = records.get(i).value();
            String key = burstKey(value);
            if (key != null && org.equals(org(value)) && done.contains(key)) {
                settled[i] = true;
                if (!stillWaiting.containsKey(key) || batch.get(key) != i) {
                    handled.handled(eventId(value));
                }
            }
        }
        waiting.keep(org, stillWaiting);
        int paymentsWaiting = result.waiting().size();
        metrics.burst(result.settled().size(), paymentsWaiting, hints.size(), result.invoicesReadBack());
        log.info("event=burst_settled org={} payments={} settled={} waiting={} invoices={} invoices_settled={} "
                        + "invoices_waiting={} invoices_read_back={} quiet={}", org, hints.size(), result.settled().size(),
                paymentsWaiting, notified.size(), result.settledInvoices().size(), result.waitingInvoices().size(),
                result.invoicesReadBack(), quiet);
    }

    /** A waited notification the burst left to the one-by-one path; on a fault it waits again, up to 10 × maxWait. */
    private void handleWaited(String org, String key, Object event, Instant since, Map<String, Waiting> stillWaiting) {
        try {
            oneByOne.accept(event);
            handled.handled(eventId(event));
        } catch (RuntimeException e) {
            if (since.plus(maxWait.multipliedBy(10)).isAfter(clock.instant())) {
                stillWaiting.put(key, new Waiting(event, since));
            } else {
                // its offset is committed: the poller's next pass reads back what it would have settled
                log.warn("event=burst_given_up org={} record={} reason=\"{}\" left_to=poller", org, key, e.toString());
            }
        }
    }

    private static Optional<SyncResult> settled(Object event, PaymentHint hint, BurstSync.Result result) {
        if (event instanceof PaymentReceived) {
            return Optional.ofNullable(result.settled().get(hint));
        }
        return result.settledInvoices().contains(((InvoiceChanged) event).getInvoiceId())
                ? Optional.of(SyncResult.NOTHING) : Optional.empty();
    }

    private static boolean waits(Object event, PaymentHint hint, BurstSync.Result result) {
        return event instanceof PaymentReceived ? result.waiting().contains(hint)
                : result.waitingInvoices().contains(((InvoiceChanged) event).getInvoiceId());
    }

    private void report(String org, Object event, SyncResult synced) {
        if (event instanceof PaymentReceived payment) {
            report.handled("PaymentReceived", payment.getEventId(), org, "payment=" + payment.getPaymentId()
                    + " via=burst", payment.getOccurredAt(), synced);
        } else {
            metrics.notification("InvoiceChanged", "burst");
        }
    }

    /** The key of a notification the burst path takes (a payment it can trust, an invoice change), else null. */
    private static String burstKey(Object event) {
        if (event instanceof PaymentReceived payment && hintable(payment)) {
            return "payment:" + payment.getPaymentId();
        }
        return event instanceof InvoiceChanged invoice ? "invoice:" + invoice.getInvoiceId() : null;
    }

    private static String org(Object event) {
        return event instanceof PaymentReceived payment ? payment.getOrganizationId()
                : ((InvoiceChanged) event).getOrganizationId();
    }

    private static String eventId(Object event) {
        return event instanceof PaymentReceived payment ? payment.getEventId() : ((InvoiceChanged) event).getEventId();
    }

    private static Set<String> invoicesOf(Object event) {
        Set<String> invoices = new LinkedHashSet<>();
        if (event instanceof PaymentReceived payment) {
            payment.getApplications().forEach(application -> invoices.add(application.getInvoiceId()));
        } else {
            invoices.add(((InvoiceChanged) event).getInvoiceId());
        }
        return invoices;
    }

    private static Instant occurredAt(Object event) {
        return event instanceof PaymentReceived payment ? payment.getOccurredAt()
                : ((InvoiceChanged) event).getOccurredAt();
    }

    /** A notification with what a burst needs to trust it once Books' balances agree: applications and currency. */
    private static boolean hintable(PaymentReceived payment) {
        return payment.getCurrency() != null && !payment.getApplications().isEmpty();
    }

    private static PaymentHint hint(PaymentReceived payment) {
        return new PaymentHint(payment.getPaymentId(), payment.getCustomerId(), payment.getAmount(),
                payment.getCurrency(), payment.getDate(), NotifiedPayments.applications(payment), payment.getOccurredAt(),
                payment.getLastModifiedTime());
    }
}
