package io.dealledger.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyEventTypeHasExactlyOneTopicAndThereforeOneWriter() {
        Map<Class<?>, String> topicOf = new HashMap<>();
        for (TopicSpec topic : Topics.all()) {
            if (Topics.booksBudgets().contains(topic) || Topics.zohoTokens().contains(topic)
                    || Topics.retries().contains(topic) || Topics.reKeyed().contains(topic)) {
                continue;
            }
            for (Class<?> type : topic.eventTypes()) {
                assertThat(topicOf.put(type, topic.name())).as(type.getSimpleName()).isNull();
            }
        }
        assertThat(topicOf).hasSize(30);
    }

    @Test
    void eachZohoCallingServiceSharesItsAccessTokensOnItsOwnTopic() {
        assertThat(Topics.zohoTokens()).extracting(TopicSpec::writer).containsExactly(Service.INVOICE_SERVICE,
                Service.PAYMENT_SERVICE, Service.LEDGER_PROJECTION_SERVICE);
        assertThat(Topics.zohoTokens()).allSatisfy(topic -> {
            assertThat(topic.eventTypes()).containsExactly(io.dealledger.events.AccessTokenMinted.class);
            assertThat(topic.newTopic().configs()).as("a token lives an hour").containsEntry("retention.ms", "3600000");
        });
        assertThat(Topics.zohoTokensOf(Service.GATEWAY)).isEmpty();
        assertThat(Topics.zohoTokensOf(Service.INVOICE_SERVICE)).contains(Topics.ZOHO_TOKENS_INVOICE_SERVICE);
    }

    @Test
    void eachBooksCallingServiceCountsItsBudgetOnItsOwnTopic() {
        assertThat(Topics.booksBudgets()).extracting(TopicSpec::writer).containsExactly(Service.INVOICE_SERVICE,
                Service.PAYMENT_SERVICE, Service.LEDGER_PROJECTION_SERVICE);
        assertThat(Topics.booksBudgets()).allSatisfy(topic -> {
            assertThat(topic.eventTypes()).containsExactly(io.dealledger.events.BooksBudgetUsage.class);
            assertThat(topic.partitions()).as("divisible among 1, 2, 3, 4 or 6 instances").isEqualTo(12);
            assertThat(topic.newTopic().configs()).containsEntry("cleanup.policy", "compact,delete");
        });
        assertThat(Topics.booksBudgetOf(Service.GATEWAY)).isEmpty();
        assertThat(Topics.booksBudgetOf(Service.PAYMENT_SERVICE)).contains(Topics.BOOKS_BUDGET_PAYMENT_SERVICE);
    }

    @Test
    void theProjectionHasOneRetryTopicOfItsOwnPerTopicItConsumesPartitionedAndKeptAsItsSource() {
        for (TopicSpec source : java.util.List.of(Topics.LEDGER_FACTS, Topics.INVOICE_OUTCOMES, Topics.CRM_DEALS,
                Topics.INVOICE_REQUESTS)) {
            TopicSpec retries = Topics.retriesOf(source.name()).orElseThrow();
            assertThat(retries.name()).isEqualTo(source.name() + ".ledger-projection-service.retry");
            assertThat(retries.writer()).isEqualTo(Service.LEDGER_PROJECTION_SERVICE);
            assertThat(retries.partitions()).isEqualTo(source.partitions());
            assertThat(retries.retention()).isEqualTo(source.retention());
            assertThat(retries.key()).isEqualTo(source.key());
            assertThat(retries.eventTypes()).containsAll(source.eventTypes());
            assertThat(Topics.retriedSource(retries.name())).contains(source);
            assertThat(Topics.all()).contains(retries);
        }
        assertThat(Topics.LEDGER_FACTS_RETRIES.allows(io.dealledger.events.InvoiceIssued.class))
                .as("the invoice ledger parks issued invoices with the facts").isTrue();
        assertThat(Topics.retriesOf(Topics.BOOKS_EVENTS.name())).isEmpty();
        assertThat(Topics.retriedSource(Topics.LEDGER_FACTS.name())).isEmpty();
    }

    @Test
    void topicsAreDeclaredWithTheirRetention() {
        assertThat(Topics.CRM_DEALS.newTopic().configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.LEDGER_FACTS.newTopic().configs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.LEDGER_FACTS.newTopic().replicationFactor()).isEqualTo((short) -1);
        assertThat(Topics.SIGNATURE_NONCES.newTopic().configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "3600000");
        assertThat(Topics.BOOKS_EVENTS.deadLetterTopic(Service.PAYMENT_SERVICE))
                .isEqualTo("books.events.v1.payment-service.dlt");
    }

    @Test
    void theCatalogueAnswersByNameAndByWriter() {
        assertThat(Topics.byName("ledger.facts.v1")).contains(Topics.LEDGER_FACTS);
        assertThat(Topics.byName("nope")).isEmpty();
        assertThat(Topics.writtenBy(Service.GATEWAY))
                .containsExactly(Topics.INVOICE_REQUESTS, Topics.BOOKS_EVENTS, Topics.INVOICE_LINKS, Topics.CRM_DEALS,
                        Topics.DEAD_LETTER_REPLAYS, Topics.SIGNATURE_NONCES);
    }

    @Test
    void anOrganizationsPartitionIsTheOneKafkasProducerPicksForItsIdAsKey() {
        for (String organization : java.util.List.of("10234695", "20345789", "1", "org-x", "99999999999")) {
            int kafka = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
                    organization.getBytes(java.nio.charset.StandardCharsets.UTF_8), Topics.BOOKS_EVENTS.partitions());
            assertThat(Topics.organizationPartition(organization)).as(organization).isEqualTo(kafka);
        }
        assertThat(Topics.PAYMENT_WORK.partitions()).isEqualTo(Topics.BOOKS_EVENTS.partitions());
        assertThat(Topics.PAYMENT_INVOICES.partitions()).isEqualTo(Topics.BOOKS_EVENTS.partitions());
        assertThat(Topics.PAYMENT_INVOICES.newTopic().configs()).containsEntry("cleanup.policy", "compact");
    }
}
