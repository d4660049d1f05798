package io.dealledger.ledger;

import static io.dealledger.ledger.Events.credited;
import static io.dealledger.ledger.Events.dealChanged;
import static io.dealledger.ledger.Events.imported;
import static io.dealledger.ledger.Events.issued;
import static io.dealledger.ledger.Events.linkRejected;
import static io.dealledger.ledger.Events.linked;
import static io.dealledger.ledger.Events.paid;
import static io.dealledger.ledger.Events.rejectedAs;
import static io.dealledger.ledger.Events.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.dealledger.events.DealLedger;
import io.dealledger.events.PaymentStatus;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.projection.ProjectionMetrics;
import io.dealledger.ledger.query.LedgerStores;
import io.dealledger.schemas.serde.EventSerde;
import io.dealledger.schemas.serde.EventSerializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.testkit.kafka.UsesKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The projection against the real embedded broker: facts in, ledgers out on the topic and over HTTP. */
@UsesKafka
@SpringBootTest(classes = LedgerProjectionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class LedgerProjectionIT implements UsesZohoEmulator {

    private static final String ORG = "org-it";
    private static final LocalDate DUE = LocalDate.now().plusDays(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, SpecificRecord> producer;

    @LocalServerPort
    int port;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @Autowired
    LedgerStores stores;
    @Autowired
    KafkaStreamsConfiguration streamsConfiguration;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TopicProbe<String, DealLedger> ledgers = new TopicProbe<>(Topics.DEAL_LEDGERS.name(),
            new StringDeserializer(), EventSerde.of(DealLedger.class).deserializer());

    @BeforeAll
    static void producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new EventSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void factsInMakeTheDealLedgerOnTheTopicAndOverHttp() throws Exception {
        // Given a deal worth 1000 with two invoices, one part paid, one part credited
        String deal = "deal-" + UUID.randomUUID();
        List<SpecificRecord> facts = twoInvoices(deal);
        // When the facts arrive
        facts.forEach(LedgerProjectionIT::send);
        // Then the deal's ledger is published with the sums
        DealLedger ledger = awaitLedger(deal, l -> l.getOutstanding().compareTo(new BigDecimal("650")) == 0);
        assertThat(ledger.getTotalInvoiced()).isEqualByComparingTo("1000");
        assertThat(ledger.getTotalPaid()).isEqualByComparingTo("250");
        assertThat(ledger.getTotalCredited()).isEqualByComparingTo("100");
        assertThat(ledger.getUninvoiced()).isEqualByComparingTo("0");
        assertThat(ledger.getPaymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        // And the query answers the same, amounts as exact decimal strings
        HttpResponse<String> answer = get("/api/v1/deals/" + deal + "/ledger");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"outstanding\":\"650.000\"", "\"totalPaid\":\"250.000\"",
                "\"paymentStatus\":\"PARTIALLY_PAID\"", "\"invoiceNumber\":\"INV-A-" + deal + "\"");
        // And an unknown deal is a 404 problem
        HttpResponse<String> unknown = get("/api/v1/deals/no-such-deal/ledger");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theDealLedgerShowsItsAccountTheErrorCategoryInvoiceDatesAndRefusedLinksUntilTheyAreLinked() throws Exception {
        // Given a deal of an account, with a dated invoice, a rejected invoice request and a refused link
        String deal = "deal-" + UUID.randomUUID();
        String account = "acc-" + UUID.randomUUID();
        String refused = "R-" + deal;
        Instant t = Instant.now().minusSeconds(600);
        List.of(dealChanged("dc-" + deal, t, ORG, deal, "1000", "USD", account),
                imported("imp-A-" + deal, t.plusSeconds(1), ORG, "A-" + deal, "INV-A", "400", "USD",
                        LocalDate.parse("2026-05-02"), DUE),
                linked("link-A-" + deal, t.plusSeconds(2), ORG, "A-" + deal, deal),
                rejectedAs("rej-" + deal, t.plusSeconds(3), deal, "req-" + deal, "MISSING_TAX_MAPPING",
                        "No tax mapping for US-TX"),
                imported("imp-R-" + deal, t.plusSeconds(4), ORG, refused, "INV-R", "100", "USD", DUE),
                linkRejected("lrj-" + deal, Instant.parse("2026-06-01T10:15:30.123Z"), ORG, refused, deal,
                        "link-req-" + deal, "CUSTOMER_MISMATCH", "LINK_REFUSED",
                        "Invoice INV-R belongs to Books customer Soylent")).forEach(LedgerProjectionIT::send);
        // When the deal's ledger is read
        JsonNode ledger = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> json(get("/api/v1/deals/" + deal + "/ledger")), l -> l != null
                        && l.path("linkRejections").size() == 1 && l.path("lastInvoiceError").isString());
        // Then it names the account, the error's category, the invoice date and the refused link
        assertThat(ledger.path("accountId").asString()).isEqualTo(account);
        assertThat(ledger.path("lastInvoiceError").asString()).isEqualTo("No tax mapping for US-TX");
        assertThat(ledger.path("lastInvoiceErrorCategory").asString()).isEqualTo("MISSING_TAX_MAPPING");
        assertThat(ledger.path("invoices").path(0).path("invoiceDate").asString()).isEqualTo("2026-05-02");
        JsonNode rejection = ledger.path("linkRejections").path(0);
        assertThat(rejection.path("invoiceId").asString()).isEqualTo(refused);
        assertThat(rejection.path("organizationId").asString()).isEqualTo(ORG);
        assertThat(rejection.path("requestId").asString()).isEqualTo("link-req-" + deal);
        assertThat(rejection.path("code").asString()).isEqualTo("CUSTOMER_MISMATCH");
        assertThat(rejection.path("category").asString()).isEqualTo("LINK_REFUSED");
        assertThat(rejection.path("message").asString()).isEqualTo("Invoice INV-R belongs to Books customer Soylent");
        assertThat(rejection.path("occurredAt").asString()).isEqualTo("2026-06-01T10:15:30.123Z");
        // When that invoice is linked to the deal after all, Then the refusal is gone and the invoice counts
        send(linked("link-R-" + deal, Instant.now(), ORG, refused, deal));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> json(get("/api/v1/deals/" + deal + "/ledger")), l -> l != null
                        && l.path("linkRejections").isEmpty() && "500.000".equals(l.path("totalInvoiced").asString()));
    }

    @Test
    void theAccountLedgerRollsUpItsDealsPerCurrency() throws Exception {
        // Given an account with two USD deals (1000 with 250 paid, and 400 overdue) and a EUR deal
        String account = "acc-" + UUID.randomUUID();
        String[] deals = {"deal-" + UUID.randomUUID(), "deal-" + UUID.randomUUID(), "deal-" + UUID.randomUUID()};
        Instant t = Instant.now().minusSeconds(600);
        List<SpecificRecord> facts = new ArrayList<>();
        facts.add(dealChanged("dc-0-" + account, t, ORG, deals[0], "1000", "USD", account));
        facts.add(dealChanged("dc-1-" + account, t, ORG, deals[1], "400", "USD", account));
        facts.add(dealChanged("dc-2-" + account, t, ORG, deals[2], "90", "EUR", account));
        String[][] invoices = {{"1000", "USD", "250"}, {"400", "USD", "0"}, {"90", "EUR", "90"}};
        for (int i = 0; i < 3; i++) {
            String invoice = "ACC-" + i + "-" + account;
            facts.add(imported("imp-" + invoice, t.plusSeconds(1), ORG, invoice, "INV-" + i, invoices[i][0],
                    invoices[i][1], i == 1 ? LocalDate.now().minusDays(3) : DUE));
            facts.add(linked("link-" + invoice, t.plusSeconds(2), ORG, invoice, deals[i]));
            facts.add(paid("pay-" + invoice, t.plusSeconds(3), ORG, invoice, "p-" + invoice, invoices[i][2],
                    invoices[i][1], LocalDate.now()));
        }
        facts.forEach(LedgerProjectionIT::send);
        // When the account's ledger is read
        JsonNode ledger = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> json(get("/api/v1/accounts/" + account + "/ledger")), l -> l != null
                        && l.path("currencies").size() == 2
                        && "1150.000".equals(l.path("currencies").path(1).path("outstanding").asString())
                        // every fact in: the EUR deal's invoice and payment may land after the USD ones (with
                        // neither yet, its outstanding is 0.000 too)
                        && "90.000".equals(l.path("currencies").path(0).path("totalInvoiced").asString())
                        && "0.000".equals(l.path("currencies").path(0).path("outstanding").asString()));
        // Then it has one entry per currency, amounts as exact decimal strings, USD (most deals) as main currency
        assertThat(ledger.path("accountId").asString()).isEqualTo(account);
        assertThat(ledger.path("mainCurrency").asString()).isEqualTo("USD");
        JsonNode eur = ledger.path("currencies").path(0);
        assertThat(eur.path("currency").asString()).isEqualTo("EUR");
        assertThat(eur.path("totalPaid").asString()).isEqualTo("90.000");
        assertThat(eur.path("openDeals").asInt()).isZero();
        assertThat(eur.path("deals").asInt()).isEqualTo(1);
        JsonNode usd = ledger.path("currencies").path(1);
        assertThat(usd.path("totalInvoiced").asString()).isEqualTo("1400.000");
        assertThat(usd.path("totalPaid").asString()).isEqualTo("250.000");
        assertThat(usd.path("totalCredited").asString()).isEqualTo("0.000");
        assertThat(usd.path("overdue").asString()).isEqualTo("400.000");
        assertThat(usd.path("openDeals").asInt()).isEqualTo(2);
        assertThat(usd.path("deals").asInt()).isEqualTo(2);
        assertThat(ledger.path("version").asLong()).isPositive();
        // And an account no deal has named is a 404 problem naming the accountId
        HttpResponse<String> unknown = get("/api/v1/accounts/no-such-account/ledger");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(unknown.body()).path("accountId").asString()).isEqualTo("no-such-account");
    }

    @Test
    void theInvoiceRequestStatusLongPollReturnsOnceTheInvoiceIsIssued() throws Exception {
        // Given an accepted invoice request
        String deal = "deal-" + UUID.randomUUID();
        String request = "req-" + UUID.randomUUID();
        send(requested("requested-" + request, Instant.now(), deal, request));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/invoice-requests/" + request).body(),
                body -> body.contains("\"status\":\"accepted\""));
        // When a caller waits for the outcome and the invoice is then issued
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(HttpRequest.newBuilder(
                        uri("/api/v1/invoice-requests/" + request + "?waitSeconds=25")).build(),
                HttpResponse.BodyHandlers.ofString());
        send(issued("issued-" + request, Instant.now(), ORG, deal, request, "inv-" + request, "500", "500", "USD"));
        // Then the waiting call answers "issued" with the invoice, well before its wait is over
        long started = System.nanoTime();
        HttpResponse<String> answer = waiting.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"issued\"", "\"invoiceNumber\":\"INV-inv-" + request + "\"");
        // And a wait beyond the limit is refused
        assertThat(get("/api/v1/invoice-requests/" + request + "?waitSeconds=31").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/invoice-requests/unknown-request").statusCode()).isEqualTo(404);
    }

    @Test
    void aRestartMidStreamEndsWithTheSameLedger() throws Exception {
        // Given half of a deal's facts projected
        String deal = "deal-" + UUID.randomUUID();
        List<SpecificRecord> facts = twoInvoices(deal);
        List<SpecificRecord> firstHalf = facts.subList(0, 4);
        firstHalf.forEach(LedgerProjectionIT::send);
        awaitLedger(deal, l -> l.getTotalInvoiced().compareTo(new BigDecimal("600")) == 0
                && l.getTotalPaid().signum() > 0);
        // When the projection stops, the rest arrives (with the first half redelivered), and it starts again
        streams.stop();
        facts.forEach(LedgerProjectionIT::send);
        streams.start();
        // Then the ledger is exactly as if nothing had happened
        DealLedger ledger = awaitLedger(deal, l -> l.getOutstanding().compareTo(new BigDecimal("650")) == 0);
        assertThat(ledger.getTotalPaid()).isEqualByComparingTo("250");
        assertThat(ledger.getTotalCredited()).isEqualByComparingTo("100");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/deals/" + deal + "/ledger").body(),
                body -> body.contains("\"outstanding\":\"650.000\""));
    }

    @Test
    void aReplayUnderAFreshApplicationIdReproducesTheLedgersExactly() throws Exception {
        // Given deals projected by the service
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String deal = "deal-" + UUID.randomUUID();
            deals.add(deal);
            twoInvoices(deal).forEach(LedgerProjectionIT::send);
        }
        for (String deal : deals) {
            awaitLedger(deal, l -> l.getOutstanding().compareTo(new BigDecimal("650")) == 0);
        }
        // When the topology is rebuilt from offset zero under a new application id
        Map<String, Object> config = new java.util.HashMap<>(streamsConfiguration.asProperties().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-replay-" + UUID.randomUUID());
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ledger-replay").toString());
        StreamsBuilder builder = new StreamsBuilder();
        new LedgerTopology(Clock.systemUTC(), Currency.getInstance("USD"), Duration.ofHours(1),
                new ProjectionMetrics(new SimpleMeterRegistry()), true).addTo(builder);
        try (KafkaStreams replay = new KafkaStreams(builder.build(), new StreamsConfig(config))) {
            replay.start();
            // Then every deal's rebuilt ledger equals the live one (all but the version, which counts this run's changes)
            for (String deal : deals) {
                DealState live = ((LedgerStores.Found<DealState>) stores.<DealState>lookup(LedgerTopology.DEAL_STORE,
                        deal, true)).value();
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                        () -> replayed(replay, deal), rebuilt -> rebuilt != null && rebuilt.emitted() != null
                                && rebuilt.emitted().equals(live.emitted()));
            }
            replay.close(Duration.ofSeconds(10));
            replay.cleanUp();
        }
    }

    private static DealState replayed(KafkaStreams replay, String deal) {
        ReadOnlyKeyValueStore<String, DealState> store = replay.store(StoreQueryParameters.fromNameAndType(
                LedgerTopology.DEAL_STORE, QueryableStoreTypes.<String, DealState>keyValueStore()));
        return store.get(deal);
    }

    /** Invoice A 600 (paid 250) and invoice B 400 (credited 100), both linked, on a deal worth 1000. */
    private static List<SpecificRecord> twoInvoices(String deal) {
        Instant t = Instant.now().minusSeconds(600);
        String a = "A-" + deal;
        String b = "B-" + deal;
        return List.of(
                dealChanged("dc-" + deal, t, ORG, deal, "1000", "USD"),
                imported("imp-" + a, t.plusSeconds(1), ORG, a, "INV-" + a, "600", "USD", DUE),
                linked("link-" + a, t.plusSeconds(2), ORG, a, deal),
                paid("pay-" + a, t.plusSeconds(3), ORG, a, "p-" + a, "250", "USD", LocalDate.now()),
                imported("imp-" + b, t.plusSeconds(4), ORG, b, "INV-" + b, "400", "USD", DUE),
                linked("link-" + b, t.plusSeconds(5), ORG, b, deal),
                credited("cred-" + b, t.plusSeconds(6), ORG, b, "app-" + b, "100", "USD"));
    }

    private DealLedger awaitLedger(String deal, java.util.function.Predicate<DealLedger> condition) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> ledgers.records().stream().filter(r -> deal.equals(r.key())).reduce((x, y) -> y)
                        .map(r -> r.value()).orElse(null),
                ledger -> ledger != null && condition.test(ledger));
    }

    private static void send(SpecificRecord event) {
        String topic;
        String key;
        if (event instanceof io.dealledger.events.DealChanged changed) {
            topic = Topics.CRM_DEALS.name();
            key = changed.getDealId();
        } else if (event instanceof io.dealledger.events.InvoiceRequested requested) {
            topic = Topics.INVOICE_REQUESTS.name();
            key = requested.getDealId();
        } else if (event instanceof io.dealledger.events.InvoiceIssued issued) {
            topic = Topics.INVOICE_OUTCOMES.name();
            key = issued.getDealId();
        } else if (event instanceof io.dealledger.events.InvoiceRejected rejected) {
            topic = Topics.INVOICE_OUTCOMES.name();
            key = rejected.getDealId();
        } else {
            topic = Topics.LEDGER_FACTS.name();
            key = Topics.ledgerFactKey((String) event.get(event.getSchema().getField("organizationId").pos()),
                    (String) event.get(event.getSchema().getField("invoiceId").pos()));
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + event, e);
        }
    }

    private JsonNode json(HttpResponse<String> response) {
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
