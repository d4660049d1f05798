package io.dealledger.ledger.reconciliation;

import java.time.Clock;

import io.dealledger.ledger.query.LedgerStores;
import io.dealledger.ledger.writeback.CrmDealFields;
import io.dealledger.ledger.writeback.CrmRecordWriter;
import io.dealledger.ledger.writeback.WriteBackConfiguration;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.limits.Priority;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reconciliation runs; need Zoho ({@code dealledger.zoho.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
public class ReconciliationConfiguration {

    @Bean
    Reconciler reconciler(LedgerStores stores, ZohoClients zoho, CrmDealFields fields,
                          @Qualifier(WriteBackConfiguration.DEAL_WRITER) CrmRecordWriter writer,
                          ReconciliationProperties properties, MeterRegistry registry) {
        return new Reconciler(stores, zoho.books().at(Priority.LOW), zoho.crm(), fields, writer, properties, Clock.systemUTC(), registry);
    }
}
