package io.dealledger.gateway.config;

import java.time.Clock;

import io.dealledger.gateway.auth.AuthProperties;
import io.dealledger.gateway.idempotency.IdempotencyKeys;
import io.dealledger.gateway.nonce.KafkaNonces;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The few beans that are not components: the clock, the Idempotency-Key memory and the nonce memory. */
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

    @Bean
    KafkaNonces nonces(KafkaTemplate<String, SpecificRecord> kafka, KafkaProperties kafkaProperties,
                       AuthProperties auth, GatewayProperties properties, Clock clock) {
        return new KafkaNonces(kafka, kafkaProperties.buildConsumerProperties(), auth.crm().tolerance(),
                auth.nonces().maxRemembered(), properties.publishTimeout(), clock);
    }
}
