package io.dealledger.payment.ledger;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.dealledger.events.InvoiceFactsSnapshot;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.payment.PaymentServiceApplication;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.Kafka;
import io.dealledger.payment.support.PaymentServiceTest;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.TopicProbe;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Issue 18, partition-owned state: each payment-service instance holds the organizations of its partitions of
 * books.events.v1 only, restored from payment.invoices.v1 when a partition comes to it, and a second instance takes
 * half of them over without a fact published twice. The second instance is a second Spring context in this JVM, on
 * the same broker and emulator (its own JVMs: {@code MultiInstanceChaosIT}).
 */
@PaymentServiceTest
class PartitionOwnershipIT {

    private static final Set<Integer> ALL = Set.copyOf(IntStream.range(0, Topics.BOOKS_EVENTS.partitions()).boxed().toList());

    @Autowired
    LedgerMemory memory;

    @Test
    void aSecondInstanceTakesHalfTheOrganizationsOverFromTheirSnapshotsAndGivesThemBackWhenItStops() {
        // Given one instance, owning every partition, and one issued invoice in an organization of each half
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> memory.ownedPartitions().equals(ALL));
        String low = organizationIn(0);
        String high = organizationIn(Topics.BOOKS_EVENTS.partitions() - 1);
        String lowInvoice = issue(low);
        String highInvoice = issue(high);
        awaitFacts(low, lowInvoice, "InvoiceImported", "InvoiceLinked");
        awaitFacts(high, highInvoice, "InvoiceImported", "InvoiceLinked");
        // each invoice's snapshot is in its organization's partition of the store, with both facts
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(snapshot(low, lowInvoice)).satisfies(record -> {
                assertThat(record.partition()).isEqualTo(0);
                assertThat(record.value().getFacts()).hasSize(2);
            });
            assertThat(snapshot(high, highInvoice).partition()).isEqualTo(Topics.BOOKS_EVENTS.partitions() - 1);
        });

        // When a second instance starts
        try (ConfigurableApplicationContext second = secondInstance()) {
            LedgerMemory other = second.getBean(LedgerMemory.class);

            // Then the partitions are split between the two, none held twice, none left out
            Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Set<Integer> mine = memory.ownedPartitions();
                Set<Integer> theirs = other.ownedPartitions();
                // (theirs first: AssertJ refuses an empty iterable to look for, with an error Awaitility does not retry)
                assertThat(theirs).isNotEmpty();
                assertThat(mine).isNotEmpty().doesNotContainAnyElementsOf(theirs);
                Set<Integer> both = new HashSet<>(mine);
                both.addAll(theirs);
                assertThat(both).isEqualTo(ALL);
            });
            // and the second one holds its organization's invoice as the first did, restored from the snapshot
            String moved = other.owns(low) ? low : high;
            String movedInvoice = moved.equals(low) ? lowInvoice : highInvoice;
            String stayed = moved.equals(low) ? high : low;
            assertThat(other.owns(stayed)).isFalse();
            assertThat(other.invoice(moved, movedInvoice).imported()).isTrue();
            assertThat(other.invoice(moved, movedInvoice).dealId()).isEqualTo("deal-" + movedInvoice);
            // and the first one no longer answers for it
            assertThat(memory.owns(moved)).isFalse();
            assertThatThrownBy(() -> memory.invoice(moved, movedInvoice)).isInstanceOf(NotOwnedException.class);

            // When the moved invoice's outcome is delivered again, then another invoice of its organization is issued
            Kafka.send(Topics.INVOICE_OUTCOMES, "deal-" + movedInvoice, issued(moved, movedInvoice));
            String later = issue(moved);
            awaitFacts(moved, later, "InvoiceImported", "InvoiceLinked");

            // Then the new owner recognised the redelivery: no fact is published twice
            assertThat(Kafka.facts(moved, movedInvoice)).hasSize(2);
            assertThat(other.invoice(moved, later).imported()).isTrue();

            // When work for the moved organization lands on a partition the first instance owns (a record keyed
            // otherwise, or a dead letter replayed there), the first instance hands it to the owner
            String astray = newInvoiceId();
            Kafka.sendTo(Topics.PAYMENT_WORK, Topics.organizationPartition(stayed), stayed, issued(moved, astray));
            awaitFacts(moved, astray, "InvoiceImported", "InvoiceLinked");
            assertThat(other.invoice(moved, astray).dealId()).isEqualTo("deal-" + astray);
            assertThatThrownBy(() -> memory.invoice(moved, astray)).isInstanceOf(NotOwnedException.class);
        }

        // When the second instance stops, the first owns everything again, its invoices read back
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> memory.ownedPartitions().equals(ALL));
        assertThat(memory.invoice(low, lowInvoice).imported()).isTrue();
        assertThat(memory.invoice(high, highInvoice).imported()).isTrue();
        List<InvoiceLinked> links = Kafka.facts(high, highInvoice).stream().filter(InvoiceLinked.class::isInstance)
                .map(InvoiceLinked.class::cast).toList();
        assertThat(links).singleElement().satisfies(link -> assertThat(link.getDealId()).isEqualTo("deal-" + highInvoice));
    }

    /** An organization id (digits, as Books' are) whose partition of books.events.v1 is {@code partition}. */
    private static String organizationIn(int partition) {
        for (long candidate = 70_000_000L + (System.nanoTime() % 1_000_000); ; candidate++) {
            if (Topics.organizationPartition(String.valueOf(candidate)) == partition) {
                return String.valueOf(candidate);
            }
        }
    }

    /** An invoice invoice-service issued in {@code org} (no Books call: the outcome carries its terms). */
    private static String issue(String org) {
        String invoice = newInvoiceId();
        Kafka.send(Topics.INVOICE_OUTCOMES, "deal-" + invoice, issued(org, invoice));
        return invoice;
    }

    /** A new invoice id, not yet issued anywhere. */
    private static String newInvoiceId() {
        return String.valueOf(460_000_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }

    private static InvoiceIssued issued(String org, String invoice) {
        return InvoiceIssued.newBuilder().setEventId(EventIds.derive("InvoiceIssued", org, invoice))
                .setOccurredAt(Instant.now()).setSource("invoice-service").setOrganizationId(org)
                .setRequestId("req-" + invoice).setDealId("deal-" + invoice).setInvoiceId(invoice)
                .setInvoiceNumber("INV-" + invoice).setCustomerId("cust-" + invoice)
                .setTotal(new BigDecimal("1200.000")).setCurrency("USD").setInvoiceDate(LocalDate.now())
                .setDueDate(LocalDate.now().plusDays(30)).setAccountId("acct-" + invoice).build();
    }

    private static ConsumerRecord<String, InvoiceFactsSnapshot> snapshot(String org, String invoice) {
        String key = Topics.ledgerFactKey(org, invoice);
        List<ConsumerRecord<String, InvoiceFactsSnapshot>> found = new TopicProbe<>(Topics.PAYMENT_INVOICES.name(),
                new StringDeserializer(), new EventDeserializer()).records().stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                        (InvoiceFactsSnapshot) record.value()))
                .toList();
        assertThat(found).isNotEmpty();
        return found.get(found.size() - 1);
    }

    /**
     * payment-service again, its own ports, the same broker, emulator and settings as this test's instance, and its
     * own Netty resources: with the global ones (Boot's default, right for one context per JVM) its closing would
     * dispose the event loops this JVM's emulator and first instance run on.
     */
    private static ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(PaymentServiceApplication.class, OwnNettyResources.class)
                .initializers(new Emulator.Properties())
                .properties("server.port=0", "management.server.port=0",
                        "spring.kafka.bootstrap-servers=" + io.dealledger.testkit.kafka.SharedKafka.bootstrapServers(),
                        "dealledger.zoho.books.daily=10000000", "dealledger.zoho.books.per-minute=100000",
                        "dealledger.payment.organizations=", "dealledger.payment.books-timeout=20s")
                .run();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }
}
