package io.dealledger.payment.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.dealledger.events.CreditNoteChanged;
import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.events.PaymentReceived;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.Via;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.Synced;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * books.events.v1: every notification is a hint. The record is re-read from Books and the facts it implies are
 * published (those already on ledger.facts.v1 are recognised by id and skipped). A Books or Kafka fault
 * propagates: the error handler retries, then dead-letters with the reason.
 */
@KafkaListener(id = "books-notifications", topics = "#{T(io.dealledger.schemas.topics.Topics).BOOKS_EVENTS.name()}")
public class BooksNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(BooksNotificationListener.class);

    private final BooksSync sync;
    private final PaymentNotices notices;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public BooksNotificationListener(BooksSync sync, PaymentNotices notices, PaymentMetrics metrics, Clock clock) {
        this.sync = sync;
        this.notices = notices;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaHandler
    public void on(PaymentReceived event) {
        handle("PaymentReceived", event.getEventId(), event.getOrganizationId(), "payment=" + event.getPaymentId(),
                event.getOccurredAt(), () -> sync.payment(event.getOrganizationId(), event.getPaymentId(), Via.NOTIFICATION));
    }

    @KafkaHandler
    public void on(PaymentDeleted event) {
        handle("PaymentDeleted", event.getEventId(), event.getOrganizationId(), "payment=" + event.getPaymentId(),
                event.getOccurredAt(), () -> Optional.of(sync.paymentDeleted(event.getOrganizationId(),
                        event.getPaymentId(), event.getInvoiceIds(), Via.NOTIFICATION)));
    }

    @KafkaHandler
    public void on(InvoiceChanged event) {
        handle("InvoiceChanged", event.getEventId(), event.getOrganizationId(), "invoice=" + event.getInvoiceId(),
                event.getOccurredAt(), () -> sync.invoice(event.getOrganizationId(), event.getInvoiceId(), Via.NOTIFICATION));
    }

    @KafkaHandler
    public void on(CreditNoteChanged event) {
        handle("CreditNoteChanged", event.getEventId(), event.getOrganizationId(),
                "creditnote=" + event.getCreditNoteId(), event.getOccurredAt(),
                () -> sync.creditNote(event.getOrganizationId(), event.getCreditNoteId(), Via.NOTIFICATION));
    }

    @KafkaHandler(isDefault = true)
    public void other(Object event) {
        log.warn("event=notification_ignored type={}", event.getClass().getSimpleName());
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
