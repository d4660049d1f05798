package io.dealledger.payment.work;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The work of an organization that does not arrive keyed by it: link requests (invoice.links.v1, keyed by invoice)
 * and issued invoices (invoice.outcomes.v1, keyed by deal) are put on payment.work.v1 keyed by their organization,
 * acknowledged by every in-sync replica before their offset is committed. The instance owning the organization's
 * partition handles them there, beside the organization's Books webhooks, with its state. Any instance forwards, and
 * a Books hint that reached an instance not owning its organization is forwarded the same way.
 */
public class WorkForwarder {

    private static final Logger log = LoggerFactory.getLogger(WorkForwarder.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, SpecificRecord> kafka;

    public WorkForwarder(KafkaTemplate<String, SpecificRecord> kafka) {
        this.kafka = kafka;
    }

    @KafkaListener(id = "invoice-links", topics = "#{T(io.dealledger.schemas.topics.Topics).INVOICE_LINKS.name()}")
    public void onLink(ConsumerRecord<String, Object> record) {
        Object event = record.value();
        if (event instanceof InvoiceLinkRequested request) {
            forward(request.getOrganizationId(), request);
        } else if (event instanceof InvoiceUnlinkRequested request) {
            forward(request.getOrganizationId(), request);
        } else {
            log.warn("event=link_event_ignored type={}", event.getClass().getSimpleName());
        }
    }

    /** InvoiceRejected: nothing entered Books, nothing to record. */
    @KafkaListener(id = "issued-invoices", topics = "#{T(io.dealledger.schemas.topics.Topics).INVOICE_OUTCOMES.name()}")
    public void onOutcome(ConsumerRecord<String, Object> record) {
        Object event = record.value();
        if (event instanceof InvoiceIssued issued) {
            forward(issued.getOrganizationId(), issued);
        } else {
            log.debug("event=outcome_ignored type={}", event.getClass().getSimpleName());
        }
    }

    /** Puts the event on payment.work.v1 keyed by its organization, for the instance owning it; waits for the ack. */
    public void forward(String organizationId, SpecificRecord event) {
        try {
            kafka.send(Topics.PAYMENT_WORK.name(), organizationId, event).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forwarding to " + Topics.PAYMENT_WORK.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not forward to " + Topics.PAYMENT_WORK.name() + ": " + e.getMessage(), e);
        }
    }
}
