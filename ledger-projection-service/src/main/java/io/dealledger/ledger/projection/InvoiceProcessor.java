package io.dealledger.ledger.projection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import io.dealledger.ledger.deal.DealInput;
import io.dealledger.ledger.deal.DealView;
import io.dealledger.core.invoice.InvoiceLedger;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.core.invoice.LedgerFact;
import io.dealledger.ledger.projection.ProjectionMetrics.Outcome;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.service.kafka.DeadLetters;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each ledger fact to its invoice's ledger (store {@value LedgerTopology#INVOICE_STORE}, keyed
 * {@code org:invoice}, holding the invoice's accepted facts) and tells the deals concerned when the invoice's
 * contribution changed: the deal it left gets a removal, the deal it is linked to gets the new view. It also
 * passes on what the invoice's facts say about deals: the account a link names (to the linked deal), and each deal's
 * standing refusal to link this invoice (full value, null once a later link cleared it). A fact seen before is a
 * no-op; a fact the ledger cannot hold (a currency ISO 4217 does not know, another currency than its invoice's) is
 * dead-lettered with the reason, the invoice stays as it was and the next fact goes on.
 */
final class InvoiceProcessor implements Processor<String, SpecificRecord, String, InvoiceProcessor.Output> {

    private static final Logger log = LoggerFactory.getLogger(InvoiceProcessor.class);

    /** What leaves this processor: a change for a deal, or a fact for the dead-letter topic. */
    sealed interface Output {
    }

    record ToDeal(DealInput input) implements Output {
    }

    record DeadLetter(SpecificRecord fact) implements Output {
    }

    private final ProjectionMetrics metrics;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, List<SpecificRecord>> store;

    InvoiceProcessor(ProjectionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.store = context.getStateStore(LedgerTopology.INVOICE_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String type = record.value().getClass().getSimpleName();
        Optional<LedgerFact> mapped;
        try {
            mapped = FactMapper.toFact(record.value());
        } catch (RuntimeException unreadable) {
            // e.g. a currency ISO 4217 does not know: parked with its reason, the next fact goes on
            deadLetter(record, type, "fact=unreadable", unreadable);
            return;
        }
        if (mapped.isEmpty()) {
            metrics.fact(type, Outcome.IGNORED);
            return;
        }
        LedgerFact fact = mapped.get();
        String key = fact.invoice().key();
        List<SpecificRecord> stored = Optional.ofNullable(store.get(key)).orElse(List.of());
        InvoiceLedger before = InvoiceLedger.restore(fact.invoice(),
                stored.stream().map(event -> FactMapper.toFact(event).orElseThrow()).toList());
        if (before.applied(fact.id())) {
            metrics.fact(type, Outcome.DUPLICATE);
            log.debug("fact=duplicate type={} eventId={} invoice={}", type, fact.id(), key);
            return;
        }
        InvoiceLedger after;
        InvoiceView now;
        try {
            after = before.apply(fact);
            now = after.view(); // derived here, so a fact the view cannot hold is parked like one apply refuses
        } catch (RuntimeException violation) {
            deadLetter(record, type, "fact=rejected invoice=" + key, violation);
            return;
        }
        store.put(key, StoredFacts.with(stored, record.value()));
        metrics.fact(type, Outcome.APPLIED);
        InvoiceView was = before.view();
        log.info("fact=applied type={} eventId={} invoice={} org={} deal={}", type, fact.id(), key,
                fact.invoice().organizationId(), now.dealId());
        if (was.dealId() != null && !was.dealId().equals(now.dealId())) {
            forward(was.dealId(), new DealInput.InvoiceChanged(fact.invoice(), null), record);
        }
        if (now.dealId() != null && !now.equals(was)) {
            forward(now.dealId(), new DealInput.InvoiceChanged(fact.invoice(), now), record);
        }
        if (fact instanceof LedgerFact.Linked link) {
            // every deal a link ever named keeps the invoice for its as-of ledgers, also when a later link stands
            forward(link.dealId(), new DealInput.LinkSeen(fact.invoice()), record);
            if (link.accountId() != null && !link.accountId().isBlank()) {
                forward(link.dealId(), new DealInput.AccountSeen(link.id(), link.occurredAt(), link.accountId()),
                        record);
            }
        }
        forwardLinkRejections(before.linkRejections(), after.linkRejections(), fact, record);
    }

    /** Parks the fact on the dead-letter topic with its reason; the invoice stays as it was, the stream goes on. */
    private void deadLetter(Record<String, SpecificRecord> record, String type, String what, RuntimeException cause) {
        metrics.fact(type, Outcome.REJECTED);
        log.error("{} type={} reason=\"{}\"", what, type, cause.toString());
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON_HEADER, (cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .getBytes(StandardCharsets.UTF_8));
        headers.add(FailureCategory.HEADER, FailureCategory.INTERNAL.name().getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<String, Output>(record.key(), new DeadLetter(record.value()), record.timestamp(),
                headers));
    }

    /** Each deal whose standing refusal to link this invoice changed gets it (or null: none stands any more). */
    private void forwardLinkRejections(Map<String, LedgerFact.LinkRejected> was, Map<String, LedgerFact.LinkRejected> now,
                                       LedgerFact fact, Record<String, SpecificRecord> cause) {
        TreeSet<String> deals = new TreeSet<>(was.keySet());
        deals.addAll(now.keySet());
        for (String dealId : deals) {
            LedgerFact.LinkRejected rejection = now.get(dealId);
            if (!Objects.equals(was.get(dealId), rejection)) {
                forward(dealId, new DealInput.LinkRejectionChanged(fact.invoice(), rejection == null ? null
                        : new DealView.LinkRejection(fact.invoice(), rejection.requestId(), rejection.code(),
                        rejection.category(), rejection.message(), rejection.occurredAt())), cause);
            }
        }
    }

    private void forward(String dealId, DealInput input, Record<String, SpecificRecord> cause) {
        context.forward(new Record<String, Output>(dealId, new ToDeal(input), cause.timestamp()));
    }
}
