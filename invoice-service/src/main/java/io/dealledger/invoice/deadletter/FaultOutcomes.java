package io.dealledger.invoice.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.outcome.Outcome;
import io.dealledger.invoice.outcome.OutcomeEvents;
import io.dealledger.invoice.outcome.Rejection;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetterListener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * An invoice request parked after every retry failed (Books or CRM down or throttled, the token refused) gets an
 * outcome that says so: its status and the deal's {@code Invoice_Error} name the category and the cause, instead of
 * the request staying "accepted" with no reason. A replay that succeeds later supersedes it with InvoiceIssued.
 */
public class FaultOutcomes implements DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(FaultOutcomes.class);

    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final Duration timeout;

    public FaultOutcomes(KafkaTemplate<String, Object> kafka, Clock clock, Duration timeout) {
        this.kafka = kafka;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public void parked(ConsumerRecord<?, ?> record, String reason, FailureCategory category) {
        if (!Topics.INVOICE_REQUESTS.name().equals(record.topic()) || !(record.value() instanceof InvoiceRequested request)) {
            return;
        }
        Outcome.Rejected outcome = new Outcome.Rejected(request.getRequestId(), request.getDealId(), null,
                List.of(Rejection.fault(category, reason)));
        try {
            kafka.send(Topics.INVOICE_OUTCOMES.name(), request.getDealId(), OutcomeEvents.of(outcome, clock.instant()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("invoice_request_parked_after_faults request_id={} deal_id={} category={}", request.getRequestId(),
                    request.getDealId(), category);
        } catch (Exception e) {
            // the dead letter itself is safe; only its announcement is lost, and a replay announces it again
            log.warn("invoice_request_fault_outcome_unpublished request_id={} reason=\"{}\"", request.getRequestId(),
                    e.toString());
        }
    }
}
