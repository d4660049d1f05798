package io.dealledger.payment.ledger;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.dealledger.events.InvoiceFactsSnapshot;
import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * What payment-service has published on ledger.facts.v1 for the organizations this instance owns, folded per
 * invoice. An organization is owned with its partition of books.events.v1 ({@link Topics#organizationPartition}):
 * {@link InvoiceStore} restores a partition's invoices from payment.invoices.v1 when the partition is assigned, and
 * {@link #release} forgets them when it is taken away. It is how a fact already on the topic is not published again,
 * and how a vanished payment or credit is known to need a reversal. Asking about an organization of a partition this
 * instance does not own is a {@link NotOwnedException}: its state is on another instance.
 */
public class LedgerMemory {

    private final Map<String, InvoiceState> invoices = new ConcurrentHashMap<>();
    /** Each invoice's facts as published (single-object encoded), for its snapshot. */
    private final Map<String, List<ByteBuffer>> published = new ConcurrentHashMap<>();
    private final AtomicLong facts = new AtomicLong();
    private final Map<String, Set<String>> invoicesByPayment = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> invoicesByCreditNote = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    /** Taken away during a rebalance, kept in case the same partitions come back (then nothing is read again). */
    private final Set<Integer> suspended = ConcurrentHashMap.newKeySet();
    private final EventSerializer encoder = new EventSerializer();

    /** A memory that owns no partition until {@link #own} (the service's: partitions come with the consumer group). */
    public static LedgerMemory partitioned() {
        return new LedgerMemory(false);
    }

    /** A memory owning every organization (one instance alone, and unit tests). */
    public LedgerMemory() {
        this(true);
    }

    private LedgerMemory(boolean ownsAll) {
        if (ownsAll) {
            IntStream.range(0, Topics.BOOKS_EVENTS.partitions()).forEach(owned::add);
        }
    }

    /** Whether this instance holds the organization's state (owns its partition). */
    public boolean owns(String org) {
        return owned.contains(Topics.organizationPartition(org));
    }

    /** The partitions whose organizations this instance holds. */
    public Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
    }

    /** From now on the partition's organizations are held here (their invoices restored first). */
    void own(int partition) {
        owned.add(partition);
    }

    /** Nothing may be decided for the partition's organizations until it is {@link #resume resumed} or released. */
    public void suspend(int partition) {
        if (owned.remove(partition)) {
            suspended.add(partition);
        }
    }

    /** Whether the partition is suspended with its invoices still held (it can be resumed without a read). */
    public boolean suspended(int partition) {
        return suspended.contains(partition);
    }

    /** A suspended partition owned again, as it was. */
    public void resume(int partition) {
        if (suspended.remove(partition)) {
            owned.add(partition);
        }
    }

    /** Forgets every invoice of the partition's organizations: another instance holds them now. */
    public void release(int partition) {
        owned.remove(partition);
        suspended.remove(partition);
        invoices.keySet().removeIf(key -> inPartition(key, partition));
        published.keySet().removeIf(key -> inPartition(key, partition));
        invoicesByPayment.keySet().removeIf(key -> inPartition(key, partition));
        invoicesByCreditNote.keySet().removeIf(key -> inPartition(key, partition));
        facts.set(published.values().stream().mapToLong(List::size).sum());
    }

    /** Whether the fact is on ledger.facts.v1 already. */
    public boolean knows(Fact fact) {
        check(fact.organizationId());
        return invoices.getOrDefault(fact.key(), InvoiceState.UNKNOWN).knows(fact.eventId());
    }

    public boolean knows(String org, String invoiceId, String factId) {
        return invoice(org, invoiceId).knows(factId);
    }

    public InvoiceState invoice(String org, String invoiceId) {
        check(org);
        return invoices.getOrDefault(Topics.ledgerFactKey(org, invoiceId), InvoiceState.UNKNOWN);
    }

    /** The ledger's view of every invoice the payment has been counted on (reversed ones included). */
    public Map<String, InvoiceState> invoicesOfPayment(String org, String paymentId) {
        check(org);
        return states(org, invoicesByPayment.getOrDefault(org + ":" + paymentId, Set.of()));
    }

    /** The ledger's view of every invoice the credit note has been applied to. */
    public Map<String, InvoiceState> invoicesOfCreditNote(String org, String creditNoteId) {
        check(org);
        return states(org, invoicesByCreditNote.getOrDefault(org + ":" + creditNoteId, Set.of()));
    }

    /** Remembers a fact just published (a no-op for one already remembered). */
    public void remember(Fact fact) {
        check(fact.organizationId());
        remember(fact.key(), fact.event());
    }

    /** Remembers a fact read from ledger.facts.v1 or a snapshot, whoever owns its organization (restores, seeding). */
    void remember(String key, Object event) {
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
        published.computeIfAbsent(invoiceKey, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(ByteBuffer.wrap(encoder.serialize(Topics.LEDGER_FACTS.name(), record)));
        facts.incrementAndGet();
        if (record.getSchema().getField("paymentId") != null) {
            index(invoicesByPayment, org + ":" + record.get("paymentId"), invoiceId);
        }
        if (record.getSchema().getField("creditNoteId") != null) {
            index(invoicesByCreditNote, org + ":" + record.get("creditNoteId"), invoiceId);
        }
    }

    /** Every fact published for the invoice so far, as its record on payment.invoices.v1. */
    public InvoiceFactsSnapshot snapshot(String org, String invoiceId, Instant at) {
        String key = Topics.ledgerFactKey(org, invoiceId);
        List<ByteBuffer> list = published.get(key);
        List<ByteBuffer> encoded = new ArrayList<>();
        if (list != null) {
            synchronized (list) {
                encoded.addAll(list);
            }
        }
        return InvoiceFactsSnapshot.newBuilder().setEventId(key + "@" + encoded.size()).setOccurredAt(at)
                .setSource("payment-service").setOrganizationId(org).setInvoiceId(invoiceId)
                .setFacts(encoded.stream().map(ByteBuffer::duplicate).toList()).build();
    }

    /** The invoices held for the partition's organizations (for seeding their snapshots). */
    Collection<String> invoiceKeys(int partition) {
        return invoices.keySet().stream().filter(key -> inPartition(key, partition)).toList();
    }

    /** How many distinct facts it holds. */
    public long size() {
        return facts.get();
    }

    private void check(String org) {
        if (!owns(org)) {
            throw new NotOwnedException(org, Topics.organizationPartition(org));
        }
    }

    private static boolean inPartition(String key, int partition) {
        int colon = key.indexOf(':');
        return Topics.organizationPartition(colon < 0 ? key : key.substring(0, colon)) == partition;
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
