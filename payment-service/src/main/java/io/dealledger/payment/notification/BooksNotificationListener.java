package io.dealledger.payment.notification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.dealledger.events.CreditNoteChanged;
import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.NotifiedApplication;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.events.PaymentReceived;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.Via;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.BurstSync;
import io.dealledger.payment.sync.BurstSync.PaymentHint;
import io.dealledger.payment.sync.InvoiceRows;
import io.dealledger.payment.sync.Synced;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * books.events.v1: every notification is a hint. The record is re-read from Books and the facts it implies are
 * published (those already on ledger.facts.v1 are recognised by id and skipped). Records come in batches: when one
 * batch holds a burst of payment notifications for one organization (at least {@code burstThreshold}), they are
 * checked together against one list read of the invoices' balances ({@link BurstSync}) instead of one read each,
 * so a burst of 600 payments costs a few list pages, not 600 calls. A Books or Kafka fault propagates for the record
 * it concerns: the error handler retries from there, then dead-letters it with the reason.
 */
public class BooksNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(BooksNotificationListener.class);
    private static final org.springframework.core.log.LogAccessor LOG_ACCESSOR =
            new org.springframework.core.log.LogAccessor(BooksNotificationListener.class);

    private final BooksSync sync;
    private final BurstSync burst;
    private final PaymentNotices notices;
    private final PaymentMetrics metrics;
    private final int burstThreshold;
    private final Clock clock;
    private final HandledHints handled = new HandledHints(100_000);

    public BooksNotificationListener(BooksSync sync, BurstSync burst, PaymentNotices notices, PaymentMetrics metrics,
                                     int burstThreshold, Clock clock) {
        this.sync = sync;
        this.burst = burst;
        this.notices = notices;
        this.metrics = metrics;
        this.burstThreshold = burstThreshold;
        this.clock = clock;
    }

    @KafkaListener(id = "books-notifications", topics = "#{T(io.dealledger.schemas.topics.Topics).BOOKS_EVENTS.name()}",
            batch = "true")
    public void on(List<ConsumerRecord<String, Object>> records) {
        boolean[] settled = settleBursts(records);
        Map<String, Integer> last = lastOfEachRecord(records);
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            if (settled[i]) {
                continue;
            }
            try {
                if (record.value() == null) {
                    RuntimeException unreadable = SerializationUtils.getExceptionFromHeader(record,
                            SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
                    throw unreadable != null ? unreadable : new IllegalStateException("a record without a value");
                }
                String eventId = eventId(record.value());
                if (handled.seen(eventId) || last.get(recordKey(record.value())) != i) {
                    // the same version handled already, or the same record notified again later in this batch
                    metrics.notification(record.value().getClass().getSimpleName(), "duplicate");
                    continue;
                }
                on(record.value());
                handled.handled(eventId);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
            }
        }
    }

    void on(Object event) {
        if (event instanceof PaymentReceived e) {
            handle("PaymentReceived", e.getEventId(), e.getOrganizationId(), "payment=" + e.getPaymentId(),
                    e.getOccurredAt(), () -> sync.payment(e.getOrganizationId(), e.getPaymentId(), Via.NOTIFICATION));
        } else if (event instanceof PaymentDeleted e) {
            handle("PaymentDeleted", e.getEventId(), e.getOrganizationId(), "payment=" + e.getPaymentId(),
                    e.getOccurredAt(), () -> Optional.of(sync.paymentDeleted(e.getOrganizationId(), e.getPaymentId(),
                            e.getInvoiceIds(), Via.NOTIFICATION)));
        } else if (event instanceof InvoiceChanged e && InvoiceRows.unchanged(e.getTotal(), e.getBalance(), e.getDueDate(),
                e.getStatus(), sync.known(e.getOrganizationId(), e.getInvoiceId()))) {
            // the notified invoice is what the ledger holds (a payment's own webhook came first): nothing to read;
            // a wrong hint is no worse than a dropped one, which the poller catches
            metrics.notification("InvoiceChanged", "unchanged_as_notified");
        } else if (event instanceof InvoiceChanged e) {
            handle("InvoiceChanged", e.getEventId(), e.getOrganizationId(), "invoice=" + e.getInvoiceId(),
                    e.getOccurredAt(), () -> sync.invoice(e.getOrganizationId(), e.getInvoiceId(), Via.NOTIFICATION));
        } else if (event instanceof CreditNoteChanged e) {
            handle("CreditNoteChanged", e.getEventId(), e.getOrganizationId(), "creditnote=" + e.getCreditNoteId(),
                    e.getOccurredAt(), () -> sync.creditNote(e.getOrganizationId(), e.getCreditNoteId(), Via.NOTIFICATION));
        } else {
            log.warn("event=notification_ignored type={}", event.getClass().getSimpleName());
        }
    }

    /**
     * The batch's payment and invoice notifications that a burst settles, one list read per organization; a burst
     * whose list read fails is left to the one-by-one path.
     */
    private boolean[] settleBursts(List<ConsumerRecord<String, Object>> records) {
        boolean[] settled = new boolean[records.size()];
        Map<String, Map<String, Integer>> paymentsByOrg = new HashMap<>();
        Map<String, Map<String, Integer>> invoicesByOrg = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Object value = records.get(i).value();
            if (value instanceof PaymentReceived payment && hintable(payment)) {
                paymentsByOrg.computeIfAbsent(payment.getOrganizationId(), org -> new LinkedHashMap<>())
                        .put(payment.getPaymentId(), i);
            } else if (value instanceof InvoiceChanged invoice) {
                invoicesByOrg.computeIfAbsent(invoice.getOrganizationId(), org -> new LinkedHashMap<>())
                        .put(invoice.getInvoiceId(), i);
            }
        }
        java.util.Set<String> orgs = new java.util.HashSet<>(paymentsByOrg.keySet());
        orgs.addAll(invoicesByOrg.keySet());
        for (String org : orgs) {
            Map<String, Integer> payments = paymentsByOrg.getOrDefault(org, Map.of());
            Map<String, Integer> invoices = invoicesByOrg.getOrDefault(org, Map.of());
            if (payments.size() + invoices.size() >= burstThreshold) {
                settleBurst(org, records, payments, invoices, settled);
            }
        }
        return settled;
    }

    private void settleBurst(String org, List<ConsumerRecord<String, Object>> records, Map<String, Integer> payments,
                             Map<String, Integer> invoices, boolean[] settled) {
        Map<String, PaymentHint> byPayment = new LinkedHashMap<>();
        payments.forEach((paymentId, i) -> byPayment.put(paymentId, hint((PaymentReceived) records.get(i).value())));
        Instant earliest = java.util.stream.Stream.concat(payments.values().stream(), invoices.values().stream())
                .map(i -> occurredAt(records.get(i).value())).min(Instant::compareTo).orElseThrow();
        BurstSync.Result result;
        try {
            result = burst.confirm(org, new ArrayList<>(byPayment.values()), invoices.keySet(), earliest,
                    Via.NOTIFICATION);
        } catch (RuntimeException e) {
            log.warn("event=burst_unconfirmed org={} payments={} invoices={} reason=\"{}\"", org, payments.size(),
                    invoices.size(), e.toString());
            return;
        }
        report(org, result.readBack());
        for (int i = 0; i < records.size(); i++) {
            Object value = records.get(i).value();
            if (value instanceof PaymentReceived payment && payment.getOrganizationId().equals(org)) {
                Synced synced = result.settled().get(byPayment.get(payment.getPaymentId()));
                if (synced != null) {
                    settled[i] = true;
                    handled.handled(payment.getEventId());
                    if (payments.get(payment.getPaymentId()) == i) {
                        handle("PaymentReceived", payment.getEventId(), org, "payment=" + payment.getPaymentId()
                                + " via=burst", payment.getOccurredAt(), () -> Optional.of(synced));
                    }
                }
            } else if (value instanceof InvoiceChanged invoice && invoice.getOrganizationId().equals(org)
                    && result.settledInvoices().contains(invoice.getInvoiceId())) {
                settled[i] = true;
                handled.handled(invoice.getEventId());
                metrics.notification("InvoiceChanged", "burst");
            }
        }
        metrics.burst(result.settled().size(), byPayment.size(), result.invoicesReadBack());
        log.info("event=burst_settled org={} payments={} settled={} invoices={} invoices_settled={} invoices_read_back={}",
                org, byPayment.size(), result.settled().size(), invoices.size(), result.settledInvoices().size(),
                result.invoicesReadBack());
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

    private static String eventId(Object event) {
        return event instanceof org.apache.avro.specific.SpecificRecord record && record.getSchema().getField("eventId") != null
                ? String.valueOf(record.get(record.getSchema().getField("eventId").pos())) : "none";
    }

    private static Instant occurredAt(Object event) {
        return event instanceof PaymentReceived e ? e.getOccurredAt()
                : event instanceof InvoiceChanged e ? e.getOccurredAt() : Instant.now();
    }

    /** A notification with what a burst needs to trust it once Books' balances agree: applications and currency. */
    private static boolean hintable(PaymentReceived payment) {
        return payment.getCurrency() != null && !payment.getApplications().isEmpty();
    }

    private static PaymentHint hint(PaymentReceived payment) {
        Map<String, BigDecimal> applications = new LinkedHashMap<>();
        for (NotifiedApplication application : payment.getApplications()) {
            applications.merge(application.getInvoiceId(), application.getAmountApplied(), BigDecimal::add);
        }
        return new PaymentHint(payment.getPaymentId(), payment.getCustomerId(), payment.getAmount(),
                payment.getCurrency(), payment.getDate(), applications, payment.getOccurredAt(),
                payment.getLastModifiedTime());
    }

    private void report(String org, Synced synced) {
        if (!synced.published().isEmpty()) {
            notices.announce(org, synced.appliedPayments());
        }
    }

    private void handle(String type, String eventId, String org, String record, Instant occurredAt,
                        Supplier<Optional<Synced>> work) {
        Optional<Synced> synced;
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

    private static String deals(Synced synced) {
        return synced.published().stream().map(fact -> fact.event().getSchema().getField("dealId") == null ? null
                : String.valueOf(fact.event().get("dealId"))).filter(java.util.Objects::nonNull).distinct()
                .reduce((a, b) -> a + "," + b).orElse("-");
    }
}
