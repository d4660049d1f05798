package io.dealledger.invoice.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.deadletter.LaterRequests;
import io.dealledger.invoice.deadletter.RejectedRequests;
import io.dealledger.invoice.outcome.Outcome;
import io.dealledger.invoice.outcome.OutcomeEvents;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.invoice.plan.InvoiceRequest;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.failures.SyncFailures;
import io.dealledger.zoho.limits.BooksDailyLimitException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Consumes invoice requests, pushes each, and publishes its outcome on invoice.outcomes.v1 keyed by deal
 * id; a rejection a person can fix outside the request is then parked for replay, and a request the
 * organization's Books day cannot take any more is parked as BOOKS_DAILY_LIMIT, said on the deal, and
 * resumed by {@code DailyLimitResumer} after the org's midnight. Both are on Kafka
 * (acks=all) before the request's offset is committed; a Zoho fault escapes to service-kit's error
 * handler, which retries with back-off and then dead-letters the request. A replayed request (header
 * {@value #REPLAY_OF_HEADER}) is handled like any other: its invoice, if made, is found by request id; and if a
 * request for the same deal and stage asked after it has been invoiced meanwhile, it is rejected as superseded
 * ({@code REPLAY_SUPERSEDED}) instead of billing the stage twice.
 */
public class InvoiceRequestListener {

    /** Set by the gateway on a dead letter it re-publishes: {@code <dead-letter topic>/<partition>/<offset>}. */
    static final String REPLAY_OF_HEADER = "dealledger-replay-of";

    private static final Logger log = LoggerFactory.getLogger(InvoiceRequestListener.class);

    private final InvoicePusher pusher;
    private final KafkaTemplate<String, Object> kafka;
    private final RejectedRequests rejectedRequests;
    private final LaterRequests laterRequests;
    private final SyncFailures syncFailures;
    private final MeterRegistry meters;
    private final PushProperties properties;
    private final Clock clock;
    private final DistributionSummary booksCalls;

    public InvoiceRequestListener(InvoicePusher pusher, KafkaTemplate<String, Object> kafka,
                                  RejectedRequests rejectedRequests, LaterRequests laterRequests,
                                  SyncFailures syncFailures, MeterRegistry meters, PushProperties properties,
                                  Clock clock) {
        this.pusher = pusher;
        this.kafka = kafka;
        this.rejectedRequests = rejectedRequests;
        this.laterRequests = laterRequests;
        this.syncFailures = syncFailures;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
        this.booksCalls = DistributionSummary.builder("dealledger.invoice.books.calls")
                .description("Books calls made to issue one invoice (cached look-ups cost none)")
                .publishPercentileHistogram(false).register(meters);
    }

    @KafkaListener(topics = "#{T(io.dealledger.schemas.topics.Topics).INVOICE_REQUESTS.name()}")
    public void on(ConsumerRecord<String, InvoiceRequested> record) throws Exception {
        handle(record, true);
    }

    /**
     * Pushes the request and publishes its outcome; a rejection a person can fix outside the request is parked,
     * and so is a request the organization's Books day cannot take any more (resumed after its midnight).
     *
     * @param announceDailyLimit whether a request stopped by the day's Books limit is published and parked
     *                           (false when {@code DailyLimitResumer} tries a request already parked for it)
     * @return the outcome, or empty when the day's limit stopped it again and {@code announceDailyLimit} is false
     */
    public java.util.Optional<Outcome> handle(ConsumerRecord<String, InvoiceRequested> record,
                                              boolean announceDailyLimit) throws Exception {
        long started = System.nanoTime();
        InvoiceRequested request = record.value();
        Outcome outcome;
        BooksDailyLimitException limit = null;
        try {
            InvoiceRequest asked = InvoiceRequest.from(request);
            outcome = pusher.push(replayOf(record) == null ? asked : asked.replayedAfter(laterRequests.of(record)));
        } catch (BooksDailyLimitException daily) {
            if (!announceDailyLimit) {
                throw daily;
            }
            limit = daily;
            outcome = new Outcome.Rejected(request.getRequestId(), request.getDealId(), daily.organizationId(),
                    java.util.List.of(Rejection.dailyLimit(daily)));
        } catch (RuntimeException fault) {
            log.warn("invoice_request_failed event_id={} request_id={} deal_id={} error=\"{}\"", request.getEventId(),
                    request.getRequestId(), request.getDealId(), fault.getMessage());
            meters.counter("dealledger.invoice.faults", "exception", fault.getClass().getSimpleName()).increment();
            throw fault;
        }
        kafka.send(Topics.INVOICE_OUTCOMES.name(), outcome.dealId(), OutcomeEvents.of(outcome, clock.instant()))
                .get(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        boolean parked = outcome instanceof Outcome.Rejected rejected
                && rejectedRequests.parkIfReplayable(record, rejected, limit);
        record(outcome, System.nanoTime() - started);
        log(request, outcome, parked, replayOf(record));
        return java.util.Optional.of(outcome);
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
        } else if (outcome instanceof Outcome.Rejected rejected) {
            rejected.categories().forEach(category -> syncFailures.record(category, rejected.organizationId()));
        }
    }

    private static String replayOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(REPLAY_OF_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void log(InvoiceRequested request, Outcome outcome, boolean parked, String replayOf) {
        String replay = replayOf == null ? "" : " replay_of=" + replayOf;
        if (outcome instanceof Outcome.Issued issued) {
            log.info("invoice_request_handled event_id={} outcome_event_id={} request_id={}"
                            + " deal_id={} org_id={} outcome=issued invoice_id={} invoice_number={} books_calls={}{}",
                    request.getEventId(), OutcomeEvents.eventId(issued), issued.requestId(), issued.dealId(),
                    issued.organizationId(), issued.invoiceId(), issued.invoiceNumber(), issued.booksCalls(), replay);
        } else if (outcome instanceof Outcome.Rejected rejected) {
            log.info("invoice_request_handled event_id={} outcome_event_id={}"
                            + " request_id={} deal_id={} org_id={} outcome=rejected reasons={} categories={} parked={}{}",
                    request.getEventId(), OutcomeEvents.eventId(rejected), rejected.requestId(), rejected.dealId(),
                    rejected.organizationId(), rejected.reasons().stream().map(r -> r.code().name()).toList(),
                    rejected.categories(), parked, replay);
        }
    }
}
