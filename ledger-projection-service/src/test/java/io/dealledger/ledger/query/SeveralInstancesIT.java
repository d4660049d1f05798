package io.dealledger.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dealledger.ledger.EventSender;
import io.dealledger.ledger.Events;
import io.dealledger.ledger.LedgerProjectionApplication;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.UsesKafka;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the projection share the partitions; each serves every deal and every account, answering from
 * its own stores or asking the instance that owns the key (Kafka Streams interactive-query metadata).
 */
@UsesKafka
class SeveralInstancesIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eitherInstanceAnswersForEveryDealAndAccountWithTheSameLedger() throws Exception {
        String run = "multi-" + System.nanoTime();
        List<String> deals = new ArrayList<>();
        List<SpecificRecord> facts = new ArrayList<>();
        Instant at = Instant.now();
        LocalDate due = LocalDate.now().plusDays(30);
        for (int i = 0; i < 12; i++) {
            String deal = run + "-deal-" + i;
            String invoice = run + "-inv-" + i;
            deals.add(deal);
            facts.add(Events.imported(invoice + "-imp", at, "org-multi", invoice, "INV-" + i, "100" + i + ".00", "USD", due));
            facts.add(Events.linked(invoice + "-link", at, "org-multi", invoice, deal, run + "-acc-" + i % 3));
            facts.add(Events.paid(invoice + "-pay", at, "org-multi", invoice, "pay-" + i, i + ".50", "USD", LocalDate.now()));
        }
        int portA = freePort();
        int portB = freePort();
        // the instances declare the catalogue's topics as they start; the facts arrive while both run
        try (ConfigurableApplicationContext a = instance(run, portA); ConfigurableApplicationContext b = instance(run, portB);
             EventSender sender = new EventSender()) {
            sender.sendAll(facts);
            for (String deal : deals) {
                int i = deals.indexOf(deal);
                await(deal).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    JsonNode fromA = ledger(portA, deal);
                    JsonNode fromB = ledger(portB, deal);
                    assertThat(fromA).isNotNull().isEqualTo(fromB);
                    assertThat(fromA.path("totalPaid").asString()).isEqualTo(i + ".500");
                    assertThat(fromA.path("outstanding").asString()).isEqualTo(
                            new java.math.BigDecimal("100" + i + ".00").subtract(new java.math.BigDecimal(i + ".50"))
                                    .setScale(3).toPlainString());
                });
                // and its ledger as of today, whichever instance owns the invoice, is the same from both
                await(deal).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    JsonNode fromA = get(portA, "/api/v1/deals/" + deal + "/ledger?asOf=" + LocalDate.now());
                    assertThat(fromA).isNotNull().isEqualTo(get(portB, "/api/v1/deals/" + deal + "/ledger?asOf="
                            + LocalDate.now()));
                    assertThat(fromA.path("totalPaid").asString()).isEqualTo(i + ".500");
                    assertThat(fromA.path("invoices").size()).isEqualTo(1);
                });
            }
            for (int n = 0; n < 3; n++) {
                String account = run + "-acc-" + n;
                java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
                for (int i = n; i < 12; i += 3) {
                    paid = paid.add(new java.math.BigDecimal(i + ".50"));
                }
                String expectedPaid = paid.setScale(3).toPlainString();
                await(account).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    JsonNode fromA = get(portA, "/api/v1/accounts/" + account + "/ledger");
                    JsonNode fromB = get(portB, "/api/v1/accounts/" + account + "/ledger");
                    assertThat(fromA).isNotNull().isEqualTo(fromB);
                    assertThat(fromA.path("currencies").path(0).path("deals").asInt()).isEqualTo(4);
                    assertThat(fromA.path("currencies").path(0).path("totalPaid").asString()).isEqualTo(expectedPaid);
                });
                // and as of today, from its four deals' ledgers as of today wherever each is kept, the same sums
                await(account).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    String asOf = "/api/v1/accounts/" + account + "/ledger?asOf=" + LocalDate.now();
                    JsonNode fromA = get(portA, asOf);
                    assertThat(fromA).isNotNull().isEqualTo(get(portB, asOf));
                    assertThat(fromA.path("deals").size()).isEqualTo(4);
                    assertThat(fromA.path("currencies")).isEqualTo(get(portA, "/api/v1/accounts/" + account
                            + "/ledger").path("currencies"));
                });
            }
        }
    }

    private JsonNode ledger(int port, String deal) throws IOException, InterruptedException {
        return get(port, "/api/v1/deals/" + deal + "/ledger");
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private static ConfigurableApplicationContext instance(String applicationId, int port) throws IOException {
        // its own Netty resources: closing it must not dispose the JVM-global ones the other tests' servers use
        return new SpringApplicationBuilder(LedgerProjectionApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
                        () -> {
                            ReactorResourceFactory resources = new ReactorResourceFactory();
                            resources.setUseGlobalResources(false);
                            return resources;
                        }))
                .run(
                "--server.port=" + port,
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("ledger-" + port),
                "--dealledger.ledger.application-server=localhost:" + port,
                "--dealledger.zoho.enabled=false",
                "--dealledger.ledger.crm-write-back.enabled=false");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
