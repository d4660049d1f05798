package io.dealledger.payment.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.dealledger.events.CreditNoteChanged;
import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.events.PaymentReceived;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.BurstSync;
import io.dealledger.payment.sync.InvoiceRows;
import io.dealledger.payment.sync.SyncResult;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The work of the organizations this instance owns: their Books notifications (books.events.v1) and the link
 * requests and issued invoices forwarded to payment.work.v1, handed to {@code work}. Every notification is a hint. The record is re-read from Books and the facts it implies are
 * published (those already on ledger.facts.v1 are recognised by id and skipped). Records come in batches: when one
 * batch holds a burst of payment notifications for one organization (at least {@code burstThreshold}), they are
 * checked together against one list read of the invoices' balances ({@link BurstBatches}) instead of one read each,
 * so a burst of 600 payments costs a list read per batch, not 600 calls. A Books or Kafka fault propagates for the
 * record it concerns: the error handler retries from there, then dead-letters it with the reason.
 */
public class BooksNotificationListener {

    /** The listener's id, and its consumer group's. */
    public static final String ID = "books-notifications";

    private static final Logger log = LoggerFactory.getLogger(BooksNotificationListener.class);
    private static final org.springframework.core.log.LogAccessor LOG_ACCESSOR =
            new org.springframework.core.log.LogAccessor(BooksNotificationListener.class);

    private final BooksSync sync;
    private final PaymentNotices notices;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private final HandledHints handled = new HandledHints(100_000);
    private final BurstBatches bursts;
    private final java.util.function.Consumer<Object> work;
    private final java.util.function.BiConsumer<String, org.apache.avro.specific.SpecificRecord> toOwner;

    /**
     * @param burstThreshold notifications of one organization in one batch from which they are a burst
     * @param burstMaxWait   the longest a burst's notification waits for those queued behind it
     */
    public BooksNotificationListener(BooksSync sync, BurstSync burst, PaymentNotices notices, PaymentMetrics metrics,
                                     int burstThreshold, Duration burstMaxWait, Clock clock,
                                     java.util.function.Consumer<Object> work,
                                     java.util.function.BiConsumer<String, org.apache.avro.specific.SpecificRecord> toOwner) {
        this.work = work;
        this.toOwner = toOwner;
        this.sync = sync;
        this.notices = notices;
        this.metrics = metrics;
        this.clock = clock;
        this.bursts = new BurstBatches(burst, handled, notices, metrics, burstThreshold, burstMaxWait, clock,
                (type, eventId, org, record, occurredAt, synced) -> handle(type, eventId, org, record, occurredAt,
                        () -> Optional.of(synced)), this::on, sync::owns, event -> toOwner.accept(organizationOf(event),
                        (org.apache.avro.specific.SpecificRecord) event));
    }

    /**
     * books.events.v1 and payment.work.v1, both keyed by organization, in one consumer group with the range assignor:
     * partition p of both comes to the same instance, which owns the organizations of p ({@code ledger.Ownership}).
     */
    @KafkaListener(id = "books-notifications", topics = {
            "#{T(io.dealledger.schemas.topics.Topics).BOOKS_EVENTS.name()}",
            "#{T(io.dealledger.schemas.topics.Topics).PAYMENT_WORK.name()}"}, batch = "true",
            properties = "partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor")
    public void on(List<ConsumerRecord<String, Object>> records) {
        boolean[] done = bursts.settle(records);
        Map<String, Integer> last = lastOfEachRecord(records);
        for (int i : paymentsFirst(records)) {
            if (done[i]) {
                continue;
            }
            try {
                handle(records.get(i), i, last);
                done[i] = true;
            } catch (RuntimeException e) {
                // the error handler takes every record before the failed one as handled: they are, first
                for (int earlier = 0; earlier < i; earlier++) {
                    if (!done[earlier]) {
                        try {
                            handle(records.get(earlier), earlier, last);
                            done[earlier] = true;
                        } catch (RuntimeException failed) {
                            throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, earlier);
                        }
                    }
                }
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
            }
        }
    }

    /**
     * The batch's indexes, its payment and credit-note hints before its invoice hints (each kind in arrival order).
     * Books sends a payment's webhook and its invoice's within milliseconds, on two partitions: read first, the
     * payment's facts make the invoice's webhook what the ledger holds (no read), where the invoice first costs
     * the invoice and its payments, then the payment read for nothing (three Books calls instead of one).
     */
    static int[] paymentsFirst(List<ConsumerRecord<String, Object>> records) {
        return java.util.stream.IntStream.range(0, records.size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> records.get(i).value() instanceof InvoiceChanged))
                .mapToInt(Integer::intValue).toArray();
    }

    private void handle(ConsumerRecord<String, Object> record, int index, Map<String, Integer> last) {
        if (record.value() == null) {
            RuntimeException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            throw unreadable != null ? unreadable : new IllegalStateException("a record without a value");
        }
        String eventId = eventId(record.value());
        if (handled.seen(eventId) || last.get(recordKey(record.value())) != index) {
            // the same version handled already, or the same record notified again later in this batch
            metrics.notification(record.value().getClass().getSimpleName(), "duplicate");
            return;
        }
        on(record.value());
        handled.handled(eventId);
    }

    void on(Object event) {
        String organization = organizationOf(event);
        if (organization != null && !sync.owns(organization)) {
            // keyed otherwise (written before books.events.v1 was keyed by organization), or held here a moment ago
            toOwner.accept(organization, (org.apache.avro.specific.SpecificRecord) event);
            metrics.notification(event.getClass().getSimpleName(), "forwarded_to_owner");
            return;
        }
        if (event instanceof PaymentReceived e && NotifiedPayments.countedAsNotified(e,
                sync.knownInvoicesOf(e.getOrganizationId(), e.getPaymentId()))) {
            // the invoice's webhook, first, had the payment read with the invoice: nothing to read
            metrics.notification("PaymentReceived", "unchanged_as_notified");
        } else if (event instanceof PaymentReceived e) {
            handle("PaymentReceived", e.getEventId(), e.getOrganizationId(), "payment=" + e.getPaymentId(),
                    e.getOccurredAt(),
                    () -> sync.payment(e.getOrganizationId(), e.getPaymentId(), Trigger.NOTIFICATION));
        } else if (event instanceof PaymentDeleted e) {
            handle("PaymentDeleted", e.getEventId(), e.getOrganizationId(), "payment=" + e.getPaymentId(),
                    e.getOccurredAt(), () -> Optional.of(sync.paymentDeleted(e.getOrganizationId(), e.getPaymentId(),
                            e.getInvoiceIds(), Trigger.NOTIFICATION)));
        } else if (event instanceof InvoiceChanged e && InvoiceRows.unchanged(e.getTotal(), e.getBalance(), e.getDueDate(),
                e.getStatus(), sync.known(e.getOrganizationId(), e.getInvoiceId()))) {
            // the notified invoice is what the ledger holds (a payment's own webhook came first): nothing to read;
            // a wrong hint is no worse than a dropped one, which the poller catches
            metrics.notification("InvoiceChanged", "unchanged_as_notified");
        } else if (event instanceof InvoiceChanged e) {
            handle("InvoiceChanged", e.getEventId(), e.getOrganizationId(), "invoice=" + e.getInvoiceId(),
                    e.getOccurredAt(),
                    () -> sync.invoice(e.getOrganizationId(), e.getInvoiceId(), Trigger.NOTIFICATION));
        } else if (event instanceof CreditNoteChanged e) {
            handle("CreditNoteChanged", e.getEventId(), e.getOrganizationId(), "creditnote=" + e.getCreditNoteId(),
                    e.getOccurredAt(),
                    () -> sync.creditNote(e.getOrganizationId(), e.getCreditNoteId(), Trigger.NOTIFICATION));
        } else if (event instanceof InvoiceLinkRequested || event instanceof InvoiceUnlinkRequested
                || event instanceof InvoiceIssued) {
            work.accept(event);
        } else {
            log.warn("event=notification_ignored type={}", event.getClass().getSimpleName());
        }
    }

    /**
     * No notification for a while ({@code spring.kafka.listener.idle-event-interval}, on the consumer's thread): the
     * burst's notifications that wait for more are settled now.
     */
    @EventListener(condition = "event.listenerId.startsWith('books-notifications')")
    public void onIdle(ListenerContainerIdleEvent event) {
        bursts.quiet();
    }

    /** Where in the batch each Books record (type, org, id) is notified last: the earlier ones read it for nothing. */
    private static Map<String, Integer> lastOfEachRecord(List<ConsumerRecord<String, Object>> records) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() != null) {
                last.put(recordKey(records.get(i).value()), i);
            }
        }
        return last;
    }

    private static String recordKey(Object event) {
        if (event instanceof PaymentReceived e) {
            return "payment:" + e.getOrganizationId() + ":" + e.getPaymentId();
        }
        if (event instanceof PaymentDeleted e) {
            return "payment-deleted:" + e.getOrganizationId() + ":" + e.getPaymentId();
        }
        if (event instanceof InvoiceChanged e) {
            return "invoice:" + e.getOrganizationId() + ":" + e.getInvoiceId();
        }
        if (event instanceof CreditNoteChanged e) {
            return "creditnote:" + e.getOrganizationId() + ":" + e.getCreditNoteId();
        }
        return "other:" + System.identityHashCode(event);
    }

    /** The organization a record of books.events.v1 or payment.work.v1 concerns; null for another record. */
    static String organizationOf(Object event) {
        return event instanceof org.apache.avro.specific.SpecificRecord record
                && record.getSchema().getField("organizationId") != null
                ? String.valueOf(record.get(record.getSchema().getField("organizationId").pos())) : null;
    }

    private static String eventId(Object event) {
        return event instanceof org.apache.avro.specific.SpecificRecord record && record.getSchema().getField("eventId") != null
                ? String.valueOf(record.get(record.getSchema().getField("eventId").pos())) : "none";
    }

    private void handle(String type, String eventId, String org, String record, Instant occurredAt,
                        Supplier<Optional<SyncResult>> work) {
        Optional<SyncResult> synced;
        try {
            synced = work.get();
        } catch (RuntimeException e) {
            metrics.notification(type, "failed");
            log.warn("event=notification_failed type={} event_id={} org={} {} reason={}", type, eventId, org, record,
                    e.toString());
            throw e;
        }
        String outcome = synced.isEmpty() ? "not_found" : synced.get().published().isEmpty() ? "unchanged" : "facts";
        metrics.notification(type, outcome);
        synced.ifPresent(result -> {
            if (!result.published().isEmpty()) {
                metrics.latency(Duration.between(occurredAt, clock.instant()));
            }
            notices.announce(org, result.appliedPayments());
        });
        log.info("event=notification_handled type={} event_id={} org={} {} outcome={} facts={} deals={}", type, eventId,
                org, record, outcome, synced.map(s -> s.published().size()).orElse(0),
                synced.map(BooksNotificationListener::deals).orElse("-"));
    }

    private static String deals(SyncResult synced) {
        return synced.published().stream().map(fact -> fact.event().getSchema().getField("dealId") == null ? null
                : String.valueOf(fact.event().get("dealId"))).filter(java.util.Objects::nonNull).distinct()
                .reduce((a, b) -> a + "," + b).orElse("-");
    }
}
