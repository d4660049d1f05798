package io.dealledger.invoice;

import java.time.Clock;
import java.util.Map;

import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.cache.TtlCache;
import io.dealledger.invoice.crm.CrmWriteBack;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.push.InvoicePusher;
import io.dealledger.invoice.push.InvoiceRequestListener;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.invoice.tax.TaxTable;
import io.dealledger.zoho.ZohoClients;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the push: CRM reading and write-back, routing, tax, customers, items, and the listener. */
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
    TaxTable taxTable(InvoiceProperties properties) {
        return new TaxTable(properties.tax());
    }

    @Bean
    OrganizationRouter organizationRouter(InvoiceProperties properties, ZohoClients zoho, Clock clock) {
        return new OrganizationRouter(properties, zoho.crm(), new TtlCache<String, Map<String, String>>(
                properties.cacheTtl(), clock), properties.callTimeout());
    }

    @Bean
    InvoicePusher invoicePusher(InvoiceProperties properties, ZohoClients zoho, OrganizationRouter router,
                                TaxTable taxTable, BooksCaches caches, Clock clock) {
        return new InvoicePusher(new DealReader(zoho.crm(), properties.crm(), properties.callTimeout()),
                new CrmWriteBack(zoho.crm(), properties.crm(), properties.callTimeout()), router, zoho.books(),
                taxTable, new TaxResolver(taxTable, properties.taxAuthorityEditions(), caches),
                new CustomerResolver(caches, properties.books()), new ItemResolver(caches, properties.books()),
                properties, clock, properties.callTimeout());
    }

    @Bean
    InvoiceRequestListener invoiceRequestListener(InvoicePusher pusher, KafkaTemplate<String, Object> kafka,
                                                  MeterRegistry meters, InvoiceProperties properties, Clock clock) {
        return new InvoiceRequestListener(pusher, kafka, meters, properties, clock);
    }
}
