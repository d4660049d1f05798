package io.dealledger.ledger.writeback;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.dealledger.events.DealLedger;
import io.dealledger.schemas.serde.EventSerde;
import io.dealledger.zoho.ZohoClients;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CRM write-back: {@code ledger.deals.v1} → {@link CrmWriteBack} → {@link PendingWrites} → {@link CrmDealWriter}
 * → CRM Deal fields. On with {@code dealledger.zoho.enabled=true} and {@code dealledger.ledger.crm-write-back.enabled}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriteBackProperties.class)
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
public class WriteBackConfiguration {

    @Bean
    CrmDealFields crmDealFields(WriteBackProperties properties) {
        return properties.fields().toDealFields();
    }

    @Bean
    PendingWrites pendingWrites(WriteBackProperties properties) {
        WriteBackProperties.Retry retry = properties.retry();
        return new PendingWrites(properties.window(), retry.firstBackoff(), retry.maxBackoff(), retry.maxAttempts());
    }

    @Bean
    WriteBackMetrics writeBackMetrics(MeterRegistry registry) {
        return new WriteBackMetrics(registry);
    }

    @Bean
    CrmDealWriter crmDealWriter(ZohoClients zoho, PendingWrites pending, WriteBackMetrics metrics,
                                WriteBackProperties properties) {
        return new CrmDealWriter(zoho.crm(), pending, metrics, properties.callTimeout(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "dealledger.ledger.crm-write-back", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    CrmWriteBack crmWriteBack(KafkaProperties kafka, WriteBackProperties properties, CrmDealFields fields,
                              PendingWrites pending, CrmDealWriter writer, WriteBackMetrics metrics) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.groupId());
        return new CrmWriteBack(() -> new KafkaConsumer<>(config, new StringDeserializer(), lenient()), fields,
                pending, writer, metrics, properties.maxBatch(), Clock.systemUTC());
    }

    /** An unreadable DealLedger is skipped with a log line (the projection rewrites the deal on its next change). */
    private static Deserializer<DealLedger> lenient() {
        Deserializer<DealLedger> events = EventSerde.of(DealLedger.class).deserializer();
        return (topic, data) -> {
            try {
                return events.deserialize(topic, data);
            } catch (RuntimeException unreadable) {
                LoggerFactory.getLogger(CrmWriteBack.class).warn("crm-write-back=unreadable topic={} reason=\"{}\"",
                        topic, unreadable.getMessage());
                return null;
            }
        };
    }
}
