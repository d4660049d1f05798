package io.dealledger.payment.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * Everything payment-service has published on ledger.facts.v1, folded per invoice: rebuilt from the topic at
 * start (by {@code readback.OwnTopics}) and written through on every publish. It is how a fact already on the
 * topic is not published again, and how a vanished payment or credit is known to need a reversal.
 */
public class LedgerMemory {

    private final Map<String, InvoiceState> invoices = new ConcurrentHashMap<>();
    private final AtomicLong facts = new AtomicLong();
    private final Map<String, Set<String>> invoicesByPayment = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> invoicesByCreditNote = new ConcurrentHashMap<>();

    /** Whether the fact is on ledger.facts.v1 already (as far as this instance has read it). */
    public boolean knows(Fact fact) {
        return invoices.getOrDefault(fact.key(), InvoiceState.UNKNOWN).knows(fact.eventId());
    }

    public boolean knows(String org, String invoiceId, String factId) {
        return invoice(org, invoiceId).knows(factId);
    }

    public InvoiceState invoice(String org, String invoiceId) {
        return invoices.getOrDefault(Topics.ledgerFactKey(org, invoiceId), InvoiceState.UNKNOWN);
    }

    /** The ledger's view of every invoice the payment has been counted on (reversed ones included). */
    public Map<String, InvoiceState> invoicesOfPayment(String org, String paymentId) {
        return states(org, invoicesByPayment.getOrDefault(org + ":" + paymentId, Set.of()));
    }

    /** The ledger's view of every invoice the credit note has been applied to. */
    public Map<String, InvoiceState> invoicesOfCreditNote(String org, String creditNoteId) {
        return states(org, invoicesByCreditNote.getOrDefault(org + ":" + creditNoteId, Set.of()));
    }

    /** Remembers a fact (a no-op for one already remembered). */
    public void remember(Fact fact) {
        remember(fact.key(), fact.event());
    }

    public void remember(String key, Object event) {
        if (!(event instanceof SpecificRecordBase record) || record.getSchema().getField("invoiceId") == null) {
            return;
        }
        String org = record.get("organizationId").toString();
        String invoiceId = record.get("invoiceId").toString();
        String invoiceKey = Topics.ledgerFactKey(org, invoiceId);
        boolean[] added = {false};
        invoices.compute(invoiceKey, (k, state) -> {
            InvoiceState before = state == null ? InvoiceState.UNKNOWN : state;
            InvoiceState after = before.apply(event);
            added[0] = after != before;
            return after;
        });
        if (!added[0]) {
            return;
        }
        facts.incrementAndGet();
        if (record.getSchema().getField("paymentId") != null) {
            index(invoicesByPayment, org + ":" + record.get("paymentId"), invoiceId);
        }
        if (record.getSchema().getField("creditNoteId") != null) {
            index(invoicesByCreditNote, org + ":" + record.get("creditNoteId"), invoiceId);
        }
    }

    /** How many distinct facts it holds. */
    public long size() {
        return facts.get();
    }

    private static void index(Map<String, Set<String>> index, String key, String invoiceId) {
        index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(invoiceId);
    }

    private Map<String, InvoiceState> states(String org, Collection<String> invoiceIds) {
        Map<String, InvoiceState> result = new HashMap<>();
        invoiceIds.forEach(invoiceId -> result.put(invoiceId, invoice(org, invoiceId)));
        return result;
    }
}
