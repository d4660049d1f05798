package io.dealledger.payment.config;

import java.time.Clock;
import java.util.List;

import io.dealledger.payment.backfill.Backfill;
import io.dealledger.payment.backfill.BackfillController;
import io.dealledger.payment.cliq.CliqProperties;
import io.dealledger.payment.cliq.NoticeLog;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.payment.ledger.InvoiceStore;
import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.ledger.Ownership;
import io.dealledger.payment.link.AutoLinks;
import io.dealledger.payment.link.DealAccounts;
import io.dealledger.payment.link.IssuedInvoices;
import io.dealledger.payment.link.LinkRequests;
import io.dealledger.payment.link.LinkProperties;
import io.dealledger.payment.link.Linker;
import io.dealledger.payment.link.Unlinks;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.notification.BooksNotificationListener;
import io.dealledger.payment.notification.BurstProperties;
import io.dealledger.payment.poller.BooksPoller;
import io.dealledger.payment.poller.Checkpoints;
import io.dealledger.payment.poller.PollerProperties;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.payment.readback.OwnTopic;
import io.dealledger.payment.readback.OwnTopics;
import io.dealledger.payment.sync.BooksReader;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.BurstSync;
import io.dealledger.payment.work.WorkForwarder;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.failures.SyncFailures;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.limits.Priority;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * payment-service's wiring: Books notifications, links and issued invoices in (listeners), the poller and the
 * backfill, all turning Books records into facts through {@link BooksSync}. The only package that knows every other
 * one: each capability gets its own settings, or plain values, from here, and none depends back on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PaymentProperties.class, PollerProperties.class, BurstProperties.class,
        CliqProperties.class, LinkProperties.class})
public class PaymentConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PaymentMetrics paymentMetrics(MeterRegistry registry) {
        return new PaymentMetrics(registry);
    }

    @Bean
    LedgerMemory ledgerMemory() {
        return LedgerMemory.partitioned();
    }

    @Bean
    InvoiceStore invoiceStore(KafkaProperties kafka, KafkaTemplate<String, SpecificRecord> template,
                              LedgerMemory memory, PaymentProperties properties, Clock clock) {
        return new InvoiceStore(kafka.buildConsumerProperties(), template, memory, clock, properties.startupTimeout());
    }

    @Bean
    Ownership ownership(LedgerMemory memory, InvoiceStore store, BooksSync sync, PaymentProperties properties) {
        return new Ownership(memory, store, sync::quiesce, properties.startupTimeout());
    }

    /** The organizations' listener hands its partitions' ownership over through {@link Ownership}. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> ownershipOfPartitions(
            Ownership ownership) {
        return container -> {
            if (BooksNotificationListener.ID.equals(container.getListenerId())) {
                container.getContainerProperties().setConsumerRebalanceListener(ownership);
            }
        };
    }

    @Bean
    WorkForwarder workForwarder(KafkaTemplate<String, SpecificRecord> kafka) {
        return new WorkForwarder(kafka);
    }

    @Bean
    NoticeLog noticeLog() {
        return new NoticeLog();
    }

    @Bean
    Checkpoints checkpoints() {
        return new Checkpoints();
    }

    @Bean
    OwnTopics ownTopics(KafkaProperties kafka, PaymentProperties properties, NoticeLog notices,
                        Checkpoints checkpoints) {
        return new OwnTopics(kafka.buildConsumerProperties(), properties.startupTimeout(), List.of(
                new OwnTopic(Topics.PAYMENT_NOTICES, notices::readBack),
                new OwnTopic(Topics.POLLER_CHECKPOINTS, checkpoints::readBack)));
    }

    @Bean
    FactPublisher factPublisher(KafkaTemplate<String, SpecificRecord> kafka, LedgerMemory memory, InvoiceStore store,
                                PaymentMetrics metrics) {
        return new FactPublisher(kafka, memory, store, metrics);
    }

    @Bean
    BooksReader booksReader(ZohoClients zoho, PaymentProperties properties) {
        return new BooksReader(zoho.books(), properties.booksTimeout());
    }

    @Bean
    BooksSync booksSync(BooksReader books, LedgerMemory memory, FactPublisher publisher, Clock clock) {
        return new BooksSync(books, memory, publisher, clock);
    }

    @Bean
    PaymentNotices paymentNotices(ZohoClients zoho, PaymentProperties properties, CliqProperties cliq,
                                  LedgerMemory memory, NoticeLog log, FactPublisher publisher, PaymentMetrics metrics) {
        return new PaymentNotices(zoho.cliq(), cliq.channel(), cliq.enabled(), memory, log, publisher, metrics,
                properties.booksTimeout());
    }

    @Bean
    BooksNotificationListener booksNotificationListener(BooksSync sync, BooksReader books, PaymentNotices notices,
                                                        PaymentMetrics metrics, BurstProperties burst, Clock clock,
                                                        LinkRequests links, IssuedInvoices issued,
                                                        WorkForwarder forwarder) {
        return new BooksNotificationListener(sync, new BurstSync(books, sync), notices, metrics, burst.threshold(),
                burst.maxWait(), clock, event -> {
                    if (event instanceof InvoiceLinkRequested request) {
                        links.on(request);
                    } else if (event instanceof InvoiceUnlinkRequested request) {
                        links.on(request);
                    } else if (event instanceof InvoiceIssued invoice) {
                        issued.on(invoice);
                    }
                }, forwarder::forward);
    }

    @Bean
    DealAccounts dealAccounts(ZohoClients zoho, BooksReader books, LinkProperties link, PaymentProperties properties) {
        return new DealAccounts(zoho.crm(), books, link, properties.booksTimeout());
    }

    @Bean
    Linker linker(BooksSync sync, DealAccounts accounts, SyncFailures failures) {
        return new Linker(sync, accounts, failures);
    }

    @Bean
    LinkRequests linkRequests(BooksReader books, BooksSync sync, Linker linker, PaymentMetrics metrics,
                              SyncFailures failures, PaymentNotices notices) {
        return new LinkRequests(books, sync, linker, metrics, failures, notices);
    }

    @Bean
    AutoLinks autoLinks(LinkProperties link, BooksSync sync, Linker linker, Unlinks unlinks, LedgerMemory memory,
                        PaymentMetrics metrics, Clock clock) {
        AutoLinks links = new AutoLinks(link.auto(), link.invoiceDealField(), link.invoiceRequestField(), linker,
                unlinks, memory, metrics, clock);
        sync.tellSightingsTo(links);
        return links;
    }

    @Bean
    Unlinks unlinks(LedgerMemory memory) {
        return new Unlinks(memory);
    }

    @Bean
    IssuedInvoices issuedInvoices(BooksSync sync, Unlinks unlinks, PaymentMetrics metrics) {
        return new IssuedInvoices(sync, unlinks, metrics);
    }

    @Bean
    BooksPoller booksPoller(PaymentProperties properties, PollerProperties poller, BooksReader books, BooksSync sync,
                            PaymentNotices notices, Checkpoints checkpoints, FactPublisher publisher,
                            PaymentMetrics metrics, Clock clock) {
        return new BooksPoller(properties.organizations(), poller, books, sync, notices, checkpoints,
                publisher, metrics, sync::owns, clock);
    }

    @Bean(destroyMethod = "shutdown")
    Backfill backfill(BooksReader books, BooksSync sync, Checkpoints checkpoints, FactPublisher publisher, Clock clock) {
        // a backfill imports history: it waits behind webhooks and never spends their part of the day
        return new Backfill(books.at(Priority.LOW), sync.at(Priority.LOW), checkpoints, publisher, clock);
    }

    @Bean
    BackfillController backfillController(Backfill backfill) {
        return new BackfillController(backfill);
    }
}
