package io.dealledger.invoice.push;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.InvoiceProperties;
import io.dealledger.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Consumes invoice requests, pushes each, and publishes its outcome on invoice.outcomes.v1 keyed by deal
 * id. The outcome is on Kafka (acks=all) before the request's offset is committed; a Zoho fault escapes
 * to service-kit's error handler, which retries with back-off and then dead-letters the request.
 */
public class InvoiceRequestListener {

    private static final Logger log = LoggerFactory.getLogger(InvoiceRequestListener.class);

    private final InvoicePusher pusher;
    private final KafkaTemplate<String, Object> kafka;
    private final MeterRegistry meters;
    private final InvoiceProperties properties;
    private final Clock clock;
    private final DistributionSummary booksCalls;

    public InvoiceRequestListener(InvoicePusher pusher, KafkaTemplate<String, Object> kafka, MeterRegistry meters,
                                  InvoiceProperties properties, Clock clock) {
        this.pusher = pusher;
        this.kafka = kafka;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
        this.booksCalls = DistributionSummary.builder("dealledger.invoice.books.calls")
                .description("Books calls made to issue one invoice (cached look-ups cost none)")
                .publishPercentileHistogram(false).register(meters);
    }

    @KafkaListener(topics = "#{T(io.dealledger.schemas.topics.Topics).INVOICE_REQUESTS.name()}")
    public void on(InvoiceRequested request) throws Exception {
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = pusher.push(InvoiceRequest.from(request));
        } catch (RuntimeException fault) {
            log.warn("invoice_request_failed event_id={} request_id={} deal_id={} error=\"{}\"", request.getEventId(),
                    request.getRequestId(), request.getDealId(), fault.getMessage());
            meters.counter("dealledger.invoice.faults", "exception", fault.getClass().getSimpleName()).increment();
            throw fault;
        }
        kafka.send(Topics.INVOICE_OUTCOMES.name(), outcome.dealId(), OutcomeEvents.of(outcome, clock.instant()))
                .get(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        record(outcome, System.nanoTime() - started);
        log(request, outcome);
    }

    private void record(Outcome outcome, long nanos) {
        String kind = outcome instanceof Outcome.Issued ? "issued" : "rejected";
        String reason = outcome instanceof Outcome.Rejected rejected ? rejected.primaryCode().name() : "none";
        Counter.builder("dealledger.invoice.requests").description("Invoice requests handled, by outcome and reason")
                .tag("outcome", kind).tag("reason", reason).register(meters).increment();
        Timer.builder("dealledger.invoice.push").description("From request received to outcome published")
                .tag("outcome", kind).register(meters).record(nanos, TimeUnit.NANOSECONDS);
        if (outcome instanceof Outcome.Issued issued) {
            booksCalls.record(issued.booksCalls());
        }
    }

    private static void log(InvoiceRequested request, Outcome outcome) {
        if (outcome instanceof Outcome.Issued issued) {
            log.info("invoice_request_handled event_id={} outcome_event_id={} request_id={}"
                            + " deal_id={} org_id={} outcome=issued invoice_id={} invoice_number={} books_calls={}",
                    request.getEventId(), OutcomeEvents.eventId(issued), issued.requestId(), issued.dealId(),
                    issued.organizationId(), issued.invoiceId(), issued.invoiceNumber(), issued.booksCalls());
        } else if (outcome instanceof Outcome.Rejected rejected) {
            log.info("invoice_request_handled event_id={} outcome_event_id={}"
                            + " request_id={} deal_id={} org_id={} outcome=rejected reasons={}",
                    request.getEventId(), OutcomeEvents.eventId(rejected), rejected.requestId(), rejected.dealId(),
                    rejected.organizationId(), rejected.reasons().stream().map(r -> r.code().name()).toList());
        }
    }
}
