package io.dealledger.zoho.spring;

import io.dealledger.zoho.ZohoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A service that sets {@code dealledger.zoho.enabled=true} gets one {@link ZohoClients} built from
 * {@code dealledger.zoho.*}; a missing secret then fails start-up naming its variable.
 */
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(ZohoProperties.class)
public class ZohoClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ZohoClients zohoClients(ZohoProperties properties, ObjectProvider<MeterRegistry> meters) {
        return ZohoClients.create(properties.toSettings(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
