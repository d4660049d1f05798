package io.dealledger.invoice.config;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import io.dealledger.invoice.books.BooksCaches;
import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.books.CurrencyResolver;
import io.dealledger.invoice.books.CustomerResolver;
import io.dealledger.invoice.books.ItemResolver;
import io.dealledger.invoice.cache.TtlCache;
import io.dealledger.invoice.crm.BooksIdsInCrm;
import io.dealledger.invoice.crm.CrmFields;
import io.dealledger.invoice.crm.CrmVariables;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.deadletter.DailyLimitResumer;
import io.dealledger.invoice.deadletter.FaultOutcomes;
import io.dealledger.invoice.deadletter.LaterRequests;
import io.dealledger.invoice.deadletter.RejectedRequests;
import io.dealledger.invoice.plan.InvoicePlanner;
import io.dealledger.invoice.preview.InvoicePreviewer;
import io.dealledger.invoice.push.InvoicePusher;
import io.dealledger.invoice.push.InvoiceRequestListener;
import io.dealledger.invoice.push.PushProperties;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.routing.RoutingProperties;
import io.dealledger.invoice.tax.TaxAuthorityRequirement;
import io.dealledger.invoice.tax.TaxProperties;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.invoice.tax.TaxTable;
import io.dealledger.service.failures.SyncFailures;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.accounts.AccountFields;
import io.dealledger.zoho.accounts.DealAccounts;
import io.dealledger.zoho.limits.Priority;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the push (CRM reading and write-back, routing, tax, customers, items, the listener and the parking
 * of rejected requests) and the preview, which shares the push's steps and caches. Its own package, above every
 * capability, so that none of them depends on the wiring; each reads its own settings below
 * {@code dealledger.invoice}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PushProperties.class, RoutingProperties.class, TaxProperties.class, CrmFields.class,
        BooksFields.class})
class InvoiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BooksCaches booksCaches(PushProperties properties, Clock clock) {
        return new BooksCaches(properties.cacheTtl(), clock);
    }

    @Bean
    CrmVariables crmVariables(PushProperties properties, RoutingProperties routes, ZohoClients zoho, Clock clock) {
        return new CrmVariables(zoho.crm(), new TtlCache<String, Map<String, String>>(properties.cacheTtl(), clock),
                routes.organizationsFromCrmVariables(), properties.callTimeout());
    }

    @Bean
    TaxTable taxTable(TaxProperties tax, RoutingProperties routes) {
        return new TaxTable(tax.tax(), routes.organizationsFromCrmVariables() ? routes.crmVariablePrefix() : null);
    }

    @Bean
    OrganizationRouter organizationRouter(RoutingProperties routes, CrmFields crm, CrmVariables variables) {
        return new OrganizationRouter(routes, crm, variables);
    }

    @Bean
    DealReader dealReader(PushProperties properties, CrmFields crm, BooksFields books, ZohoClients zoho) {
        // the deal's Account_Name lookup is Zoho's own; the other three are this deployment's
        AccountFields fields = new AccountFields("Account_Name", crm.legalEntityField(), crm.customerIdField(),
                books.accountIdField());
        return new DealReader(zoho.crm(), crm, new DealAccounts(zoho.crm(), fields), properties.callTimeout());
    }

    @Bean
    TaxResolver taxResolver(TaxProperties tax, TaxTable taxTable, CrmVariables variables, BooksCaches caches) {
        return new TaxResolver(taxTable, variables, new TaxAuthorityRequirement(
                Set.copyOf(tax.taxAuthorityCountries()), tax.taxAuthorityRequired(), caches), caches);
    }

    @Bean
    CurrencyResolver currencyResolver(BooksCaches caches) {
        return new CurrencyResolver(caches);
    }

    @Bean
    CustomerResolver customerResolver(BooksFields books, BooksCaches caches) {
        return new CustomerResolver(caches, books);
    }

    @Bean
    ItemResolver itemResolver(BooksFields books, BooksCaches caches) {
        return new ItemResolver(caches, books);
    }

    @Bean
    InvoicePlanner invoicePlanner(PushProperties properties, BooksFields books, DealReader deals,
                                  OrganizationRouter router, TaxResolver taxes, CurrencyResolver currencies,
                                  CustomerResolver customers, ItemResolver items) {
        return new InvoicePlanner(deals, router, taxes, currencies, customers, items, books,
                properties.allowedStages(), properties.callTimeout());
    }

    @Bean
    InvoicePusher invoicePusher(PushProperties properties, CrmFields crm, BooksFields books, ZohoClients zoho,
                                InvoicePlanner planner, DealReader deals, CustomerResolver customers,
                                ItemResolver items, Clock clock) {
        return new InvoicePusher(planner, zoho.books(), customers, items, deals,
                new BooksIdsInCrm(zoho.crm(), crm, properties.callTimeout()), properties, books, clock);
    }

    @Bean
    InvoicePreviewer invoicePreviewer(InvoicePlanner planner, ZohoClients zoho, TaxResolver taxes) {
        // a preview can wait behind invoice pushes and webhooks, and never spends their part of the day's budget
        return new InvoicePreviewer(planner, zoho.books().at(Priority.LOW), taxes);
    }

    @Bean
    RejectedRequests rejectedRequests(KafkaTemplate<String, Object> kafka, MeterRegistry meters,
                                      PushProperties properties) {
        return new RejectedRequests(kafka, meters, properties.callTimeout());
    }

    @Bean
    LaterRequests laterRequests(KafkaProperties kafka, PushProperties properties) {
        return new LaterRequests(kafka.buildConsumerProperties(), properties.callTimeout());
    }

    @Bean
    InvoiceRequestListener invoiceRequestListener(InvoicePusher pusher, KafkaTemplate<String, Object> kafka,
                                                  RejectedRequests rejectedRequests, LaterRequests laterRequests,
                                                  SyncFailures syncFailures, MeterRegistry meters,
                                                  PushProperties properties, Clock clock) {
        return new InvoiceRequestListener(pusher, kafka, rejectedRequests, laterRequests, syncFailures, meters,
                properties, clock);
    }

    @Bean
    DailyLimitResumer dailyLimitResumer(InvoiceRequestListener requests, ZohoClients zoho, KafkaProperties kafka,
                                        Clock clock) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        return new DailyLimitResumer(request -> requests.handle(request, false), zoho.books(), consumer,
                consumer.get("group.id") + ".daily-limit-resumer", clock);
    }

    @Bean
    FaultOutcomes faultOutcomes(KafkaTemplate<String, Object> kafka, PushProperties properties, Clock clock) {
        return new FaultOutcomes(kafka, clock, properties.callTimeout());
    }
}
