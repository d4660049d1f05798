package io.dealledger.ledger.candidates;

import io.dealledger.ledger.projection.LedgerProperties;
import io.dealledger.ledger.query.LedgerStores;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.limits.Priority;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The invoice-candidates query; needs Zoho ({@code dealledger.zoho.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CandidatesProperties.class)
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
public class CandidatesConfiguration {

    @Bean
    DealCustomers dealCustomers(ZohoClients zoho, LedgerStores stores, LedgerProperties ledger,
                                CandidatesProperties properties) {
        return new DealCustomers(zoho.crm(), zoho.books().at(Priority.LOW), stores, ledger.organizations(), properties);
    }

    @Bean
    InvoiceLinks invoiceLinks(LedgerStores stores) {
        return new InvoiceLinks(stores);
    }
}
