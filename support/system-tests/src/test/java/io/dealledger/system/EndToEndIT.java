package io.dealledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.dealledger.emulator.EmulatorAdmin;
import io.dealledger.testkit.kafka.UsesKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * dealledger from outside, as a CRM user, a Books user and an operator see it: button → invoice in Books →
 * payments, staged billing, credit and refund, a Books invoice linked → the Deal fields in CRM exact, while
 * Books duplicates and drops webhooks.
 */
@UsesKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    static SystemStack stack;
    static Scenario scenario;

    @BeforeAll
    static void startTheSystem() throws Exception {
        stack = new SystemStack();
        System.out.printf("stack started in %d s%n", stack.startedIn.toSeconds());
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.services.forEach((name, service) -> System.out.printf("%s resident memory %d MiB%n", name,
                    service.residentMemoryKb() / 1024));
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aDealsLifeReachesTheCrmDealFieldsExactlyWhileBooksDuplicatesAndDropsWebhooks() {
        EmulatorAdmin admin = stack.zoho.admin();
        admin.put("faults/" + Scenario.US_ORG, "{\"webhook_duplicate_probability\":0.3,\"webhook_drop_probability\":0.3,"
                + "\"error_429_probability\":0.1}");
        admin.put("faults/crm", "{\"error_429_probability\":0.1}");
        scenario = new Scenario(stack.gateway(), stack.zohoApi(), System.out, Duration.ofSeconds(90));

        scenario.run();
        scenario.runOtherDeals();

        assertThat(scenario.expectations).hasSize(5);
        var deliveries = admin.get("deliveries?kind=books_webhook").path("deliveries");
        assertThat(deliveries.toString()).as("the emulator did drop and duplicate webhooks")
                .contains("\"outcome\":\"DROPPED\"").contains("\"duplicate\":true");
        List<Long> millis = scenario.paymentToCrm.stream().map(Duration::toMillis).sorted().toList();
        System.out.printf("Books change -> CRM Deal field: p50 %d ms, max %d ms over %d steps%n",
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size());
    }

    @Test
    @Order(3)
    void everyDashboardPanelQueryReturnsSeriesFromTheRunningSystem() throws Exception {
        try (PrometheusProcess prometheus = PrometheusProcess.scrape(stack.metricsTargets())) {
            List<String> queries = Dashboards.queries(ServiceProcess.ROOT.resolve("deploy/grafana/dashboards"));
            assertThat(queries).hasSizeGreaterThan(15);

            List<String> empty = Waits.until("every panel query to return series", () -> queries.stream()
                    .filter(query -> prometheus.query(query).isEmpty()).toList(), List::isEmpty, Duration.ofSeconds(90));

            assertThat(empty).isEmpty();
            System.out.printf("%d dashboard queries, each answered with series by Prometheus%n", queries.size());
        }
    }

    @Test
    @Order(2)
    void everyPaymentIsAnnouncedInCliqExactlyOnce() {
        EmulatorAdmin admin = stack.zoho.admin();
        var messages = Waits.until("one Cliq message per payment",
                () -> admin.get("cliq/messages?channel=payments-received").path("messages"),
                found -> found.size() >= scenario.payments, Duration.ofSeconds(60));

        assertThat(messages.size()).isEqualTo(scenario.payments);
    }
}
