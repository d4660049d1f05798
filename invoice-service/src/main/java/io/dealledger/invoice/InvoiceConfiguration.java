package io.dealledger.invoice;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.books.CurrencyResolver;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.cache.TtlCache;
import io.dealledger.invoice.crm.CrmVariables;
import io.dealledger.invoice.crm.CrmWriteBack;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.deadletter.DailyLimitResumer;
import io.dealledger.invoice.deadletter.FaultOutcomes;
import io.dealledger.invoice.deadletter.LaterRequests;
import io.dealledger.invoice.deadletter.RejectedRequests;
import io.dealledger.invoice.preview.InvoicePreviewer;
import io.dealledger.invoice.push.InvoicePusher;
import io.dealledger.invoice.push.InvoiceRequestListener;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.tax.TaxAuthorityRequirement;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.invoice.tax.TaxTable;
import io.dealledger.service.failures.SyncFailures;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.limits.Priority;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the push (CRM reading and write-back, routing, tax, customers, items, the listener and the parking
 * of rejected requests) and the preview, which shares the push's steps and caches.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InvoiceProperties.class)
class InvoiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BooksCaches booksCaches(InvoiceProperties properties, Clock clock) {
        return new BooksCaches(properties.cacheTtl(), clock);
    }

    @Bean
    CrmVariables crmVariables(InvoiceProperties properties, ZohoClients zoho, Clock clock) {
        return new CrmVariables(zoho.crm(), new TtlCache<String, Map<String, String>>(properties.cacheTtl(), clock),
                properties.organizationsFromCrmVariables(), properties.callTimeout());
    }

    @Bean
    TaxTable taxTable(InvoiceProperties properties) {
        return new TaxTable(properties.tax(),
                properties.organizationsFromCrmVariables() ? properties.crmVariablePrefix() : null);
    }

    @Bean
    OrganizationRouter organizationRouter(InvoiceProperties properties, CrmVariables variables) {
        return new OrganizationRouter(properties, variables);
    }

    @Bean
    DealReader dealReader(InvoiceProperties properties, ZohoClients zoho) {
        return new DealReader(zoho.crm(), properties.crm(), properties.callTimeout());
    }

    @Bean
    TaxResolver taxResolver(InvoiceProperties properties, TaxTable taxTable, CrmVariables variables, BooksCaches caches) {
        return new TaxResolver(taxTable, variables, new TaxAuthorityRequirement(
                Set.copyOf(properties.taxAuthorityCountries()), properties.taxAuthorityRequired(), caches), caches);
    }

    @Bean
    CurrencyResolver currencyResolver(BooksCaches caches) {
        return new CurrencyResolver(caches);
    }

    @Bean
    CustomerResolver customerResolver(InvoiceProperties properties, BooksCaches caches) {
        return new CustomerResolver(caches, properties.books());
    }

    @Bean
    ItemResolver itemResolver(InvoiceProperties properties, BooksCaches caches) {
        return new ItemResolver(caches, properties.books());
    }

    @Bean
    InvoicePusher invoicePusher(InvoiceProperties properties, ZohoClients zoho, DealReader deals,
                                OrganizationRouter router, TaxResolver taxes, CurrencyResolver currencies,
                                CustomerResolver customers, ItemResolver items, Clock clock) {
        return new InvoicePusher(deals, new CrmWriteBack(zoho.crm(), properties.crm(), properties.callTimeout()),
                router, zoho.books(), taxes, currencies, customers, items, properties, clock, properties.callTimeout());
    }

    @Bean
    InvoicePreviewer invoicePreviewer(InvoiceProperties properties, ZohoClients zoho, DealReader deals,
                                      OrganizationRouter router, TaxResolver taxes, CurrencyResolver currencies,
                                      CustomerResolver customers, ItemResolver items) {
        // a preview can wait behind invoice pushes and webhooks, and never spends their part of the day's budget
        return new InvoicePreviewer(deals, router, zoho.books().at(Priority.LOW), taxes, currencies, customers, items,
                properties,
                properties.callTimeout());
    }

    @Bean
    RejectedRequests rejectedRequests(KafkaTemplate<String, Object> kafka, MeterRegistry meters,
                                      InvoiceProperties properties) {
        return new RejectedRequests(kafka, meters, properties.callTimeout());
    }

    @Bean
    LaterRequests laterRequests(KafkaProperties kafka, InvoiceProperties properties) {
        return new LaterRequests(kafka.buildConsumerProperties(), properties.callTimeout());
    }

    @Bean
    InvoiceRequestListener invoiceRequestListener(InvoicePusher pusher, KafkaTemplate<String, Object> kafka,
                                                  RejectedRequests rejectedRequests, LaterRequests laterRequests,
                                                  SyncFailures syncFailures, MeterRegistry meters,
                                                  InvoiceProperties properties, Clock clock) {
        return new InvoiceRequestListener(pusher, kafka, rejectedRequests, laterRequests, syncFailures, meters,
                properties, clock);
    }

    @Bean
    DailyLimitResumer dailyLimitResumer(InvoiceRequestListener requests, ZohoClients zoho, KafkaProperties kafka,
                                        InvoiceProperties properties, Clock clock) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        return new DailyLimitResumer(requests, zoho.books(), consumer, consumer.get("group.id") + ".daily-limit-resumer",
                clock);
    }

    @Bean
    FaultOutcomes faultOutcomes(KafkaTemplate<String, Object> kafka, InvoiceProperties properties, Clock clock) {
        return new FaultOutcomes(kafka, clock, properties.callTimeout());
    }
}
