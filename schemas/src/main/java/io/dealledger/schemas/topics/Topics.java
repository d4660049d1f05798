package io.dealledger.schemas.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dealledger.events.AccessTokenMinted;
import io.dealledger.events.AccountLedger;
import io.dealledger.events.BooksBudgetUsage;
import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditNoteChanged;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.DeadLetterReplayed;
import io.dealledger.events.DealChanged;
import io.dealledger.events.DealLedger;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.InvoiceFactsSnapshot;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.events.InvoiceUnlinked;
import io.dealledger.events.InvoiceVoided;
import io.dealledger.events.InvoiceWriteOffCancelled;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.events.PaymentNoticePosted;
import io.dealledger.events.PaymentReceived;
import io.dealledger.events.PaymentReversed;
import io.dealledger.events.PollerCheckpoint;
import io.dealledger.events.SignatureNonceUsed;

import org.apache.avro.specific.SpecificRecord;

/**
 * The topic catalogue (docs/architecture.md §3): every topic name is written here and nowhere else.
 * Services declare their topics from it and the serde refuses an event a topic does not allow.
 */
public final class Topics {

    private static final int PARTITIONS = 6;

    /** Invoice requests from the CRM button, keyed by deal id. */
    public static final TopicSpec INVOICE_REQUESTS = new TopicSpec("invoice.requests.v1", "deal id",
            List.of(InvoiceRequested.class), PARTITIONS, Retention.FOREVER, Service.GATEWAY);

    /**
     * Normalized Books webhooks, not yet verified, keyed by the Books organization id: every hint about one
     * organization reaches the payment-service instance that owns it (partition-owned state), in the order Books sent it.
     */
    public static final TopicSpec BOOKS_EVENTS = new TopicSpec("books.events.v1", "organization id",
            List.of(PaymentReceived.class, PaymentDeleted.class, InvoiceChanged.class, CreditNoteChanged.class),
            PARTITIONS, Retention.FOREVER, Service.GATEWAY);

    /** Requests to tie an existing Books invoice to a deal or untie it, keyed by invoice id. */
    public static final TopicSpec INVOICE_LINKS = new TopicSpec("invoice.links.v1", "invoice id",
            List.of(InvoiceLinkRequested.class, InvoiceUnlinkRequested.class),
            PARTITIONS, Retention.FOREVER, Service.GATEWAY);

    /** Deal changes from CRM (amount, currency, stage, account, legal entity), keyed by deal id. */
    public static final TopicSpec CRM_DEALS = new TopicSpec("crm.deals.v1", "deal id",
            List.of(DealChanged.class), PARTITIONS, Retention.COMPACTED, Service.GATEWAY);

    /** What became of each invoice request, keyed by deal id. */
    public static final TopicSpec INVOICE_OUTCOMES = new TopicSpec("invoice.outcomes.v1", "deal id",
            List.of(InvoiceIssued.class, InvoiceRejected.class), PARTITIONS, Retention.FOREVER,
            Service.INVOICE_SERVICE);

    /** Verified, immutable money facts, keyed by {@link #ledgerFactKey(String, String) org id + invoice id}. */
    public static final TopicSpec LEDGER_FACTS = new TopicSpec("ledger.facts.v1", "organization id + invoice id",
            List.of(InvoiceImported.class, InvoiceLinked.class, InvoiceUnlinked.class, InvoiceLinkRejected.class,
                    InvoiceAmended.class, PaymentApplied.class, PaymentReversed.class, CreditApplied.class,
                    CreditReversed.class, CreditRefunded.class, InvoiceWrittenOff.class,
                    InvoiceWriteOffCancelled.class, InvoiceVoided.class),
            PARTITIONS, Retention.FOREVER, Service.PAYMENT_SERVICE);

    /** The per-deal ledger views, keyed by deal id; the latest per deal is kept. */
    public static final TopicSpec DEAL_LEDGERS = new TopicSpec("ledger.deals.v1", "deal id",
            List.of(DealLedger.class), PARTITIONS, Retention.COMPACTED, Service.LEDGER_PROJECTION_SERVICE);

    /** payment-service's poller checkpoints, keyed by {@code org:entity}; the latest per key is kept. */
    public static final TopicSpec POLLER_CHECKPOINTS = new TopicSpec("payment.checkpoints.v1", "organization id + Books entity",
            List.of(PollerCheckpoint.class), 1, Retention.COMPACTED, Service.PAYMENT_SERVICE);

    /** Payments already announced in Cliq, keyed by {@code org:paymentId}, so none is announced twice. */
    public static final TopicSpec PAYMENT_NOTICES = new TopicSpec("payment.notices.v1", "organization id + payment id",
            List.of(PaymentNoticePosted.class), PARTITIONS, Retention.COMPACTED, Service.PAYMENT_SERVICE);

    /**
     * payment-service's own work for an organization that arrived keyed otherwise (link requests keyed by invoice,
     * issued invoices keyed by deal), re-keyed by organization id: same key and partitions as books.events.v1, so the
     * instance owning partition p of books.events.v1 owns partition p here too and does all of an organization's work.
     * Also a Books hint that reached an instance not owning its organization (one written before books.events.v1 was
     * keyed by organization, or waiting in a burst while the partition moved). A re-keyed copy of events written first
     * elsewhere; kept like dead letters (four weeks).
     */
    public static final TopicSpec PAYMENT_WORK = new TopicSpec("payment.work.v1", "organization id",
            List.of(InvoiceLinkRequested.class, InvoiceUnlinkRequested.class, InvoiceIssued.class, PaymentReceived.class,
                    PaymentDeleted.class, InvoiceChanged.class, CreditNoteChanged.class), PARTITIONS,
            Retention.DEAD_LETTERS, Service.PAYMENT_SERVICE);

    /**
     * payment-service's partition-owned store: per invoice, every fact it has published on ledger.facts.v1, keyed by
     * {@link #ledgerFactKey(String, String) org id + invoice id}, the latest per key kept. Written to the partition of
     * the invoice's organization on books.events.v1 ({@link #organizationPartition}), not by its key's hash, so the
     * owner of an organization restores exactly its partitions.
     */
    public static final TopicSpec PAYMENT_INVOICES = new TopicSpec("payment.invoices.v1", "organization id + invoice id",
            List.of(InvoiceFactsSnapshot.class), PARTITIONS, Retention.COMPACTED, Service.PAYMENT_SERVICE);

    /** The per-account roll-ups of the deal ledgers, per currency, keyed by CRM account id; the latest is kept. */
    public static final TopicSpec ACCOUNT_LEDGERS = new TopicSpec("ledger.accounts.v1", "account id",
            List.of(AccountLedger.class), PARTITIONS, Retention.COMPACTED, Service.LEDGER_PROJECTION_SERVICE);

    /**
     * Dead letters their owning service has replayed (handed back to its own consumer path: the listener that parked
     * them, or ledger-projection-service's topology through its retry topics), keyed by
     * {@link #deadLetterKey(String, int, long) dead-letter topic + partition + offset}, so no dead letter is replayed
     * twice. Written by the gateway once the owner answers its replay; nothing is re-published to a source topic.
     */
    public static final TopicSpec DEAD_LETTER_REPLAYS = new TopicSpec("deadletters.replays.v1",
            "dead-letter topic + partition + offset", List.of(DeadLetterReplayed.class), 1, Retention.COMPACTED,
            Service.GATEWAY);

    /**
     * ledger-projection-service's way back into its topology for the dead letters it replays (docs/architecture.md §3,
     * "Dead letters"): one retry topic per topic it consumes, {@code <topic>.ledger-projection-service.retry}, which
     * only it writes and its topology reads beside the source as one stream. Same key and partitions as the source, so
     * a replayed record reaches the task (and, for ledger.facts.v1, the invoice's place in order) that parked it; kept
     * as long as the source, so a rebuild from offset zero applies the replays too. The facts' retry topic also
     * carries InvoiceIssued: the invoice ledger folds the issued invoices re-keyed to it and parks those it cannot hold
     * with the facts.
     */
    public static final TopicSpec LEDGER_FACTS_RETRIES = retries(LEDGER_FACTS, List.of(InvoiceIssued.class));
    public static final TopicSpec INVOICE_OUTCOMES_RETRIES = retries(INVOICE_OUTCOMES, List.of());
    public static final TopicSpec CRM_DEALS_RETRIES = retries(CRM_DEALS, List.of());
    public static final TopicSpec INVOICE_REQUESTS_RETRIES = retries(INVOICE_REQUESTS, List.of());

    /** Each retry topic by the source topic whose dead letters it carries back. */
    private static final Map<String, TopicSpec> RETRIES = Map.of(
            LEDGER_FACTS.name(), LEDGER_FACTS_RETRIES, INVOICE_OUTCOMES.name(), INVOICE_OUTCOMES_RETRIES,
            CRM_DEALS.name(), CRM_DEALS_RETRIES, INVOICE_REQUESTS.name(), INVOICE_REQUESTS_RETRIES);

    /**
     * The nonces of accepted signed calls, keyed by nonce, so that every gateway instance refuses a replayed
     * signature: all claims of one nonce share a partition, and the first claim in it wins. Kept an hour.
     */
    public static final TopicSpec SIGNATURE_NONCES = new TopicSpec("auth.nonces.v1", "signature nonce",
            List.of(SignatureNonceUsed.class), PARTITIONS, Retention.MINUTES, Service.GATEWAY);

    /**
     * Books calls each instance of a service made per organization and day, keyed by
     * {@link #booksBudgetKey(String, String, java.time.LocalDate, String) deployment, org, day and instance}. One
     * topic per Books-calling service keeps one writer each; its partitions are also how the service's instances
     * divide its share of every organization's per-minute budget (one consumer group per service).
     */
    public static final TopicSpec BOOKS_BUDGET_INVOICE_SERVICE = booksBudget(Service.INVOICE_SERVICE);
    public static final TopicSpec BOOKS_BUDGET_PAYMENT_SERVICE = booksBudget(Service.PAYMENT_SERVICE);
    public static final TopicSpec BOOKS_BUDGET_LEDGER_PROJECTION_SERVICE = booksBudget(Service.LEDGER_PROJECTION_SERVICE);

    private static final List<TopicSpec> BOOKS_BUDGETS = List.of(BOOKS_BUDGET_INVOICE_SERVICE,
            BOOKS_BUDGET_PAYMENT_SERVICE, BOOKS_BUDGET_LEDGER_PROJECTION_SERVICE);

    /**
     * The Zoho access tokens each service's instances minted (sealed), keyed by deployment and OAuth client id: every
     * instance of every service reads them all, so one token serves the deployment and Zoho's ten tokens per refresh
     * token in ten minutes are counted across instances. One topic per Zoho-calling service keeps one writer each;
     * kept an hour, a token's life.
     */
    public static final TopicSpec ZOHO_TOKENS_INVOICE_SERVICE = zohoTokens(Service.INVOICE_SERVICE);
    public static final TopicSpec ZOHO_TOKENS_PAYMENT_SERVICE = zohoTokens(Service.PAYMENT_SERVICE);
    public static final TopicSpec ZOHO_TOKENS_LEDGER_PROJECTION_SERVICE = zohoTokens(Service.LEDGER_PROJECTION_SERVICE);

    private static final List<TopicSpec> ZOHO_TOKENS = List.of(ZOHO_TOKENS_INVOICE_SERVICE,
            ZOHO_TOKENS_PAYMENT_SERVICE, ZOHO_TOKENS_LEDGER_PROJECTION_SERVICE);

    private static final List<TopicSpec> ALL = List.of(INVOICE_REQUESTS, BOOKS_EVENTS, INVOICE_LINKS, CRM_DEALS,
            INVOICE_OUTCOMES, LEDGER_FACTS, DEAL_LEDGERS, POLLER_CHECKPOINTS, PAYMENT_NOTICES, PAYMENT_WORK,
            PAYMENT_INVOICES, ACCOUNT_LEDGERS,
            DEAD_LETTER_REPLAYS, SIGNATURE_NONCES, BOOKS_BUDGET_INVOICE_SERVICE, BOOKS_BUDGET_PAYMENT_SERVICE,
            BOOKS_BUDGET_LEDGER_PROJECTION_SERVICE, ZOHO_TOKENS_INVOICE_SERVICE, ZOHO_TOKENS_PAYMENT_SERVICE,
            ZOHO_TOKENS_LEDGER_PROJECTION_SERVICE, LEDGER_FACTS_RETRIES, INVOICE_OUTCOMES_RETRIES, CRM_DEALS_RETRIES,
            INVOICE_REQUESTS_RETRIES);
    /** By name: a serializer looks its topic up for every record. */
    private static final Map<String, TopicSpec> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(TopicSpec::name, topic -> topic));

    private static TopicSpec retries(TopicSpec source, List<Class<? extends SpecificRecord>> alsoParked) {
        List<Class<? extends SpecificRecord>> types = new ArrayList<>(source.eventTypes());
        types.addAll(alsoParked);
        return new TopicSpec(source.retryTopic(Service.LEDGER_PROJECTION_SERVICE), source.key(), types,
                source.partitions(), source.retention(), Service.LEDGER_PROJECTION_SERVICE);
    }

    private static TopicSpec booksBudget(Service writer) {
        return new TopicSpec("books.budget." + writer.id() + ".v1", "deployment + org id + day + instance",
                List.of(BooksBudgetUsage.class), 12, Retention.RECENT, writer);
    }

    private static TopicSpec zohoTokens(Service writer) {
        return new TopicSpec("zoho.tokens." + writer.id() + ".v1", "deployment + OAuth client id",
                List.of(AccessTokenMinted.class), 1, Retention.MINUTES, writer);
    }

    private Topics() {
    }

    /** The access-token topic of {@code service}; empty for a service that does not call Zoho (the gateway). */
    public static Optional<TopicSpec> zohoTokensOf(Service service) {
        return ZOHO_TOKENS.stream().filter(topic -> topic.writer() == service).findFirst();
    }

    /** The retry topic ledger-projection-service replays {@code source}'s dead letters on; empty for one it does not consume. */
    public static Optional<TopicSpec> retriesOf(String source) {
        return Optional.ofNullable(RETRIES.get(source));
    }

    /** The source topic whose dead letters {@code retryTopic} carries back; empty for any other topic. */
    public static Optional<TopicSpec> retriedSource(String retryTopic) {
        return RETRIES.entrySet().stream().filter(entry -> entry.getValue().name().equals(retryTopic))
                .map(entry -> byName(entry.getKey()).orElseThrow()).findFirst();
    }

    /** Every retry topic: they carry their sources' event types, so they are not where those types are written first. */
    public static List<TopicSpec> retries() {
        return List.of(LEDGER_FACTS_RETRIES, INVOICE_OUTCOMES_RETRIES, CRM_DEALS_RETRIES, INVOICE_REQUESTS_RETRIES);
    }

    /** Topics that carry a re-keyed copy of events written first on another topic (payment.work.v1). */
    public static List<TopicSpec> reKeyed() {
        return List.of(PAYMENT_WORK);
    }

    /**
     * The partition of books.events.v1 (and payment.work.v1, payment.invoices.v1) that holds an organization: Kafka's
     * default partitioner on the organization id (murmur2 of its UTF-8 bytes, made positive, modulo the partitions).
     */
    public static int organizationPartition(String organizationId) {
        byte[] key = organizationId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key))
                % BOOKS_EVENTS.partitions();
    }

    /** Every service's access-token topic: each instance reads them all. */
    public static List<TopicSpec> zohoTokens() {
        return ZOHO_TOKENS;
    }

    public static List<TopicSpec> all() {
        return ALL;
    }

    /** The Books budget topic of {@code service}; empty for a service that does not call Books (the gateway). */
    public static Optional<TopicSpec> booksBudgetOf(Service service) {
        return BOOKS_BUDGETS.stream().filter(topic -> topic.writer() == service).findFirst();
    }

    /** Every service's Books budget topic: each instance reads them all. */
    public static List<TopicSpec> booksBudgets() {
        return BOOKS_BUDGETS;
    }

    /** The key of a Books budget usage record. */
    public static String booksBudgetKey(String deployment, String organizationId, java.time.LocalDate day,
                                        String instance) {
        return deployment + ":" + organizationId + ":" + day + ":" + instance;
    }

    public static Optional<TopicSpec> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<TopicSpec> writtenBy(Service service) {
        return ALL.stream().filter(topic -> topic.writer() == service).toList();
    }

    /** Every event type of every topic, each once. */
    public static List<Class<? extends SpecificRecord>> eventTypes() {
        return ALL.stream().flatMap(topic -> topic.eventTypes().stream()).distinct().toList();
    }

    /** The key of a ledger fact: all facts of one invoice land on one partition, in order. */
    public static String ledgerFactKey(String organizationId, String invoiceId) {
        return organizationId + ":" + invoiceId;
    }

    /** The key of a dead letter's replay record: {@code <dead-letter topic>/<partition>/<offset>}. */
    public static String deadLetterKey(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "/" + partition + "/" + offset;
    }

    static Stream<TopicSpec> stream() {
        return ALL.stream();
    }
}
