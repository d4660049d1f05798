package io.dealledger.service.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.SharedKafka;
import io.dealledger.testkit.kafka.UsesKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Instances of services sharing Books budgets through a real broker: partition shares that never add up to more
 * than the service's share, counts of the day every instance sees, one owner per organization.
 */
@UsesKafka
class KafkaBooksBudgetIT {

    static final String ORG = "10234695";
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    final String deployment = "test-" + UUID.randomUUID();
    final List<KafkaBooksBudget> started = new ArrayList<>();

    @BeforeAll
    static void topics() {
        SharedKafka.broker().addTopics(Topics.booksBudgets().stream().map(TopicSpec::newTopic).toArray(NewTopic[]::new));
    }

    @AfterEach
    void stopAll() {
        started.forEach(KafkaBooksBudget::stop);
    }

    KafkaBooksBudget instance(Service service, String deployment) {
        Map<String, Object> kafka = new HashMap<>(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()));
        Map<String, Object> producer = new HashMap<>(kafka);
        producer.put("acks", "all");
        KafkaBooksBudget budget = new KafkaBooksBudget(service, deployment, kafka, producer, Duration.ofMillis(200),
                Clock.systemUTC());
        budget.start();
        started.add(budget);
        return budget;
    }

    @Test
    void twoInstancesStartingTogetherSplitTheServicesShareAndNeverHoldMoreThanAllOfIt() {
        KafkaBooksBudget first = instance(Service.INVOICE_SERVICE, deployment);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.fraction(ORG) == 1.0);

        KafkaBooksBudget second = instance(Service.INVOICE_SERVICE, deployment);
        List<Double> sums = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            sums.add(first.fraction(ORG) + second.fraction(ORG));
            return first.heldPartitions() == 6 && second.heldPartitions() == 6;
        });

        assertThat(sums).as("never more than the whole share, even while the group rebalances").allMatch(sum -> sum <= 1.0);
        assertThat(first.fraction(ORG)).isEqualTo(0.5);
        assertThat(second.fraction(ORG)).as("nobody had spent on the org: the taken-over half counts at once")
                .isEqualTo(0.5);
        assertThat(first.owns(ORG) ^ second.owns(ORG)).as("exactly one instance polls the org").isTrue();
    }

    @Test
    void anInstanceJoiningWhileAnotherSpendsWaitsAWindowForTheShareItTakesOver() {
        KafkaBooksBudget busy = instance(Service.PAYMENT_SERVICE, deployment);
        await().atMost(Duration.ofSeconds(30)).until(() -> busy.fraction(ORG) == 1.0);
        LocalDate today = LocalDate.now(PACIFIC);
        busy.spent(ORG, today, PACIFIC, 30, Instant.now());

        KafkaBooksBudget joining = instance(Service.PAYMENT_SERVICE, deployment);
        await().atMost(Duration.ofSeconds(30)).until(() -> busy.heldPartitions() == 6 && joining.heldPartitions() == 6);

        assertThat(busy.fraction(ORG)).isEqualTo(0.5);
        assertThat(joining.fraction(ORG)).as("its half may still be spent in the current minute").isZero();
        assertThat(joining.fraction("20876543")).as("an org nobody spent on is shared at once").isEqualTo(0.5);
    }

    @Test
    void everyInstanceSeesWhatTheDeploymentSpentTodayAndNothingOfAnotherDeployment() {
        LocalDate today = LocalDate.now(PACIFIC);
        KafkaBooksBudget invoices = instance(Service.INVOICE_SERVICE, deployment);
        KafkaBooksBudget payments = instance(Service.PAYMENT_SERVICE, deployment);
        KafkaBooksBudget moreInvoices = instance(Service.INVOICE_SERVICE, deployment);
        KafkaBooksBudget elsewhere = instance(Service.INVOICE_SERVICE, "other-" + deployment);

        invoices.spent(ORG, today, PACIFIC, 40, Instant.now());
        payments.spent(ORG, today, PACIFIC, 10, Instant.now());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(moreInvoices.others(ORG, today)).isEqualTo(new io.dealledger.zoho.limits.BudgetCoordination
                    .DailyUsage(40, 50));
            assertThat(invoices.others(ORG, today).byEveryone()).as("its own calls are not 'others'").isEqualTo(10);
        });
        assertThat(elsewhere.others(ORG, today).byEveryone()).isZero();
        assertThat(moreInvoices.others(ORG, today.minusDays(1)).byEveryone()).as("yesterday is another day").isZero();

        // a restarted instance still counts what its previous life spent today
        invoices.stop();
        KafkaBooksBudget restarted = instance(Service.INVOICE_SERVICE, deployment);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(restarted.others(ORG, today)).isEqualTo(new io.dealledger.zoho.limits.BudgetCoordination
                        .DailyUsage(40, 50)));
    }
}
