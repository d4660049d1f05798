package io.dealledger.gateway.config;

import java.time.Clock;

import io.dealledger.gateway.idempotency.IdempotencyKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The few beans that are not components: the clock and the Idempotency-Key memory. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdempotencyKeys idempotencyKeys(GatewayProperties properties, Clock clock) {
        return new IdempotencyKeys(properties.idempotency().ttl(), properties.idempotency().maxKeys(), clock);
    }
}
