package io.dealledger.zoho.spring;

import java.time.Clock;

import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.limits.BudgetCoordination;
import io.dealledger.zoho.oauth.TokenSharing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A service that sets {@code dealledger.zoho.enabled=true} gets one {@link ZohoClients} built from
 * {@code dealledger.zoho.*}; a missing secret then fails start-up naming its variable. Its Books budgets are
 * shared with the rest of the deployment through a {@link BudgetCoordination} bean where the service has one
 * (service-kit's, over Kafka), else the process is alone with its share; so are its access tokens, through a
 * {@link TokenSharing} bean.
 */
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(ZohoProperties.class)
public class ZohoClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ZohoClients zohoClients(ZohoProperties properties, ObjectProvider<MeterRegistry> meters,
                            ObjectProvider<BudgetCoordination> coordination, ObjectProvider<TokenSharing> tokens,
                            Environment environment) {
        ZohoClients clients = ZohoClients.create(properties.toSettings(), meters.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC(), coordination.getIfAvailable(BudgetCoordination::alone),
                tokens.getIfAvailable(TokenSharing::alone),
                environment.getProperty("dealledger.service.name", "zoho-client"));
        coordination.ifAvailable(shared -> {
            if (shared instanceof BudgetCoordination.Observable observable) {
                observable.onShareChange(clients.booksBudgets()::shareChanged);
            }
        });
        return clients;
    }
}
