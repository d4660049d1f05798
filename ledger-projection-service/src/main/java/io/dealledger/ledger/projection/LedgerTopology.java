package io.dealledger.ledger.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;

import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealLedger;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.ledger.account.AccountChange;
import io.dealledger.ledger.account.AccountState;
import io.dealledger.ledger.account.DealTotals;
import io.dealledger.ledger.deal.DealInput;
import io.dealledger.ledger.request.RequestStatus;
import io.dealledger.schemas.serde.EventSerde;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The projection, in four parts:
 * <ol>
 * <li>per invoice: {@code ledger.facts.v1} (plus each InvoiceIssued re-keyed to its invoice, as a link) →
 * {@link InvoiceProcessor} with store {@value #INVOICE_STORE} → invoice changes, accounts named by links and standing
 * link refusals, re-keyed by deal (repartition {@code invoices-by-deal}); facts that break an invariant →
 * {@code ledger.facts.v1.ledger-projection-service.dlt};</li>
 * <li>per deal: those + {@code crm.deals.v1} + {@code invoice.outcomes.v1} → {@link DealProcessor} with
 * stores {@value #DEAL_STORE} and {@value #DEAL_PENDING_STORE}, the overdue and the catch-up punctuations → {@code ledger.deals.v1}, and each deal's totals re-keyed
 * by its account (repartition {@code deals-by-account});</li>
 * <li>per account: {@link AccountProcessor} with stores {@value #ACCOUNT_DEALS_STORE} and {@value #ACCOUNT_STORE} →
 * {@code ledger.accounts.v1};</li>
 * <li>per invoice request: {@code invoice.requests.v1} + {@code invoice.outcomes.v1} re-keyed by request id →
 * store {@value #REQUEST_STORE}.</li>
 * </ol>
 * Each topic is read with its retry topic ({@code <topic>.ledger-projection-service.retry}), on which the service's
 * dead-letter replays put parked records back. Every store is queryable (interactive queries) and backed by a
 * changelog, so a restart resumes exactly.
 */
public final class LedgerTopology {

    public static final String INVOICE_STORE = "invoice-facts";
    public static final String DEAL_STORE = "deal-ledgers";
    /** Deals whose ledger waits for the catch-up punctuation (value: the time of the latest input). */
    public static final String DEAL_PENDING_STORE = "deal-pending";
    public static final String REQUEST_STORE = "invoice-requests";
    public static final String ACCOUNT_STORE = "account-ledgers";
    public static final String ACCOUNT_DEALS_STORE = "account-deals";

    private final Clock clock;
    private final Currency defaultCurrency;
    private final Duration overdueInterval;
    private final ProjectionMetrics metrics;
    private final boolean inMemoryStores;

    /**
     * @param clock           gives "today" (in its zone) for overdue
     * @param defaultCurrency a deal's currency when nothing else names one
     * @param overdueInterval how often the overdue punctuation runs (wall-clock)
     * @param inMemoryStores  in-memory instead of RocksDB stores (tests; changelogs are kept either way)
     */
    public LedgerTopology(Clock clock, Currency defaultCurrency, Duration overdueInterval, ProjectionMetrics metrics,
                          boolean inMemoryStores) {
        this.clock = clock;
        this.defaultCurrency = defaultCurrency;
        this.overdueInterval = overdueInterval;
        this.metrics = metrics;
        this.inMemoryStores = inMemoryStores;
    }

    public void addTo(StreamsBuilder builder) {
        Serde<SpecificRecord> events = new EventSerde();
        builder.addStateStore(store(INVOICE_STORE, new FactListSerde()));
        builder.addStateStore(store(DEAL_STORE, new DealStateSerde()));
        builder.addStateStore(store(DEAL_PENDING_STORE, Serdes.Long()));
        builder.addStateStore(store(ACCOUNT_DEALS_STORE, new JsonSerde<>(DealTotals.class)));
        builder.addStateStore(store(ACCOUNT_STORE, new JsonSerde<>(AccountState.class)));

        KStream<String, SpecificRecord> outcomes = withReplays(builder, Topics.INVOICE_OUTCOMES,
                Consumed.with(Serdes.String(), events).withName("invoice-outcomes"));
        KStream<String, SpecificRecord> issuedByInvoice = outcomes
                .filter((dealId, event) -> event instanceof InvoiceIssued, Named.as("issued-invoices"))
                .selectKey((dealId, event) -> Topics.ledgerFactKey(((InvoiceIssued) event).getOrganizationId(),
                        ((InvoiceIssued) event).getInvoiceId()), Named.as("issued-by-invoice-key"))
                .repartition(Repartitioned.with(Serdes.String(), events).withName("issued-by-invoice")
                        .withNumberOfPartitions(Topics.LEDGER_FACTS.partitions()));
        KStream<String, SpecificRecord> facts = withReplays(builder, Topics.LEDGER_FACTS,
                Consumed.with(Serdes.String(), events).withName("ledger-facts"));

        facts.merge(issuedByInvoice, Named.as("facts-and-issued-links"))
                .process(() -> new InvoiceProcessor(metrics), Named.as("invoice-ledger"), INVOICE_STORE)
                .split(Named.as("invoice-output-"))
                .branch((key, output) -> output instanceof InvoiceProcessor.DeadLetter, Branched.withConsumer(dead -> dead
                        .mapValues(output -> ((InvoiceProcessor.DeadLetter) output).fact(), Named.as("dead-fact"))
                        .to(Topics.LEDGER_FACTS.deadLetterTopic(Service.LEDGER_PROJECTION_SERVICE),
                                Produced.with(Serdes.String(), events).withName("dead-letters")), "dead"))
                .defaultBranch(Branched.withConsumer(toDeals -> dealLedgers(builder, events, outcomes, toDeals
                        .mapValues(output -> ((InvoiceProcessor.ToDeal) output).input(),
                                Named.as("invoice-change"))), "deals"));

        requestStatuses(builder, events, outcomes);
    }

    private void dealLedgers(StreamsBuilder builder, Serde<SpecificRecord> events,
                             KStream<String, SpecificRecord> outcomes,
                             KStream<String, DealInput> invoiceChanges) {
        KStream<String, DealInput> changesByDeal = invoiceChanges
                .repartition(Repartitioned.with(Serdes.String(), new DealInputSerde())
                        .withName("invoices-by-deal").withNumberOfPartitions(Topics.CRM_DEALS.partitions()));
        KStream<String, DealInput> dealChanges = withReplays(builder, Topics.CRM_DEALS,
                        Consumed.with(Serdes.String(), events).withName("crm-deals"))
                .flatMapValues(event -> FactMapper.toDealInput(event).stream().toList(), Named.as("deal-terms"));
        KStream<String, DealInput> dealOutcomes = outcomes
                .flatMapValues(event -> FactMapper.toDealInput(event).stream().toList(), Named.as("deal-outcomes"));
        changesByDeal.merge(dealChanges, Named.as("deal-inputs")).merge(dealOutcomes, Named.as("all-deal-inputs"))
                .process(() -> new DealProcessor(clock, defaultCurrency, overdueInterval, metrics), Named.as("deal-ledger"), DEAL_STORE,
                        DEAL_PENDING_STORE)
                .split(Named.as("deal-output-"))
                .branch((key, output) -> output instanceof DealProcessor.ToAccount, Branched.withConsumer(toAccounts ->
                        accountLedgers(toAccounts.mapValues(output -> ((DealProcessor.ToAccount) output).change(),
                                Named.as("account-change"))), "accounts"))
                .defaultBranch(Branched.withConsumer(ledgers -> ledgers
                        .mapValues(output -> ((DealProcessor.Published) output).ledger(), Named.as("deal-ledger-event"))
                        .to(Topics.DEAL_LEDGERS.name(), Produced.with(Serdes.String(), EventSerde.of(DealLedger.class))
                                .withName("deal-ledgers-out")), "ledgers"));
    }

    private void accountLedgers(KStream<String, AccountChange> changesByAccount) {
        changesByAccount
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(AccountChange.class))
                        .withName("deals-by-account").withNumberOfPartitions(Topics.ACCOUNT_LEDGERS.partitions()))
                .process(() -> new AccountProcessor(metrics), Named.as("account-ledger"), ACCOUNT_DEALS_STORE,
                        ACCOUNT_STORE)
                .to(Topics.ACCOUNT_LEDGERS.name(), Produced.with(Serdes.String(), EventSerde.of(AccountLedger.class))
                        .withName("account-ledgers-out"));
    }

    private void requestStatuses(StreamsBuilder builder, Serde<SpecificRecord> events,
                                 KStream<String, SpecificRecord> outcomes) {
        KStream<String, RequestStatus> accepted = withReplays(builder, Topics.INVOICE_REQUESTS,
                        Consumed.with(Serdes.String(), events).withName("invoice-requests"))
                .flatMapValues(event -> event instanceof InvoiceRequested requested ? List.of(RequestStatus.accepted(
                        requested.getRequestId(), requested.getDealId(), requested.getEventId(),
                        requested.getOccurredAt())) : List.<RequestStatus>of(), Named.as("accepted"));
        KStream<String, RequestStatus> answered = outcomes
                .flatMapValues(event -> RequestStatuses.fromOutcome(event).stream().toList(), Named.as("answered"));
        Materialized<String, RequestStatus, KeyValueStore<Bytes, byte[]>> requestStore = this.<RequestStatus>materialized(REQUEST_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(RequestStatus.class));
        accepted.merge(answered, Named.as("request-statuses"))
                .selectKey((dealId, status) -> status.requestId(), Named.as("by-request-id"))
                .groupByKey(Grouped.with("requests-by-id", Serdes.String(), new JsonSerde<>(RequestStatus.class)))
                .reduce(RequestStatus::merge, Named.as("request-status"), requestStore);
    }

    /**
     * A topic the projection consumes, read together with its retry topic, where the service puts back the dead
     * letters of it it replays (docs/architecture.md §3, "Dead letters"): one source node, so a replayed record takes
     * the very path its original took, on the task of the same partition.
     */
    private static KStream<String, SpecificRecord> withReplays(StreamsBuilder builder, TopicSpec topic,
                                                               Consumed<String, SpecificRecord> consumed) {
        return builder.stream(List.of(topic.name(), Topics.retriesOf(topic.name()).orElseThrow().name()), consumed);
    }

    private <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        KeyValueBytesStoreSupplier supplier = inMemoryStores ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), values).withCachingEnabled();
    }

    private <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> materialized(String name) {
        return inMemoryStores ? Materialized.as(Stores.inMemoryKeyValueStore(name)) : Materialized.as(name);
    }
}
