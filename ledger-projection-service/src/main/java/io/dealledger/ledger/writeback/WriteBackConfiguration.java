package io.dealledger.ledger.writeback;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealLedger;
import io.dealledger.schemas.serde.EventSerde;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.zoho.ZohoClients;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CRM write-back, one per module, each with its own consumer group, coalescing window and last written values:
 * {@code ledger.deals.v1} → {@link CrmWriteBack} → {@link PendingWrites} → {@link CrmRecordWriter} → CRM Deal fields,
 * and {@code ledger.accounts.v1} → the same → CRM Account fields. On with {@code dealledger.zoho.enabled=true} and
 * {@code dealledger.ledger.crm-write-back.enabled} (accounts: and {@code ….accounts.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriteBackProperties.class)
@ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
public class WriteBackConfiguration {

    /** The deal writer's bean name (reconciliation rewrites Deal fields through it). */
    public static final String DEAL_WRITER = "crmDealWriter";
    static final String ACCOUNT_WRITER = "crmAccountWriter";

    @Bean
    CrmDealFields crmDealFields(WriteBackProperties properties) {
        return properties.fields().toDealFields();
    }

    @Bean
    CrmAccountFields crmAccountFields(WriteBackProperties properties) {
        return properties.accounts().fields().toAccountFields();
    }

    @Bean(DEAL_WRITER)
    CrmRecordWriter crmDealWriter(ZohoClients zoho, WriteBackProperties properties, MeterRegistry registry) {
        return writer(CrmDealFields.MODULE, zoho, properties, registry);
    }

    @Bean(ACCOUNT_WRITER)
    CrmRecordWriter crmAccountWriter(ZohoClients zoho, WriteBackProperties properties, MeterRegistry registry) {
        return writer(CrmAccountFields.MODULE, zoho, properties, registry);
    }

    @Bean
    @ConditionalOnProperty(prefix = "dealledger.ledger.crm-write-back", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    CrmWriteBack<DealLedger> crmWriteBack(KafkaProperties kafka, WriteBackProperties properties, CrmDealFields fields,
                                          @Qualifier(DEAL_WRITER) CrmRecordWriter writer) {
        return new CrmWriteBack<>(Topics.DEAL_LEDGERS.name(), consumers(kafka, properties.groupId(), DealLedger.class),
                fields, writer, properties.maxBatch(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = {"dealledger.ledger.crm-write-back.enabled",
            "dealledger.ledger.crm-write-back.accounts.enabled"}, havingValue = "true", matchIfMissing = true)
    CrmWriteBack<AccountLedger> crmAccountWriteBack(KafkaProperties kafka, WriteBackProperties properties,
                                                    CrmAccountFields fields,
                                                    @Qualifier(ACCOUNT_WRITER) CrmRecordWriter writer) {
        return new CrmWriteBack<>(Topics.ACCOUNT_LEDGERS.name(), consumers(kafka, properties.accounts().groupId(),
                AccountLedger.class), fields, writer, properties.maxBatch(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "dealledger.ledger.crm-write-back", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    CrmWriteBackHealth crmWriteBackHealthIndicator(List<CrmWriteBack<?>> loops) {
        return new CrmWriteBackHealth(loops);
    }

    private static CrmRecordWriter writer(String module, ZohoClients zoho, WriteBackProperties properties,
                                          MeterRegistry registry) {
        WriteBackProperties.Retry retry = properties.retry();
        PendingWrites pending = new PendingWrites(properties.window(), retry.firstBackoff(), retry.maxBackoff());
        return new CrmRecordWriter(module, zoho.crm(), pending, new WriteBackMetrics(registry, module),
                properties.callTimeout(), Clock.systemUTC());
    }

    static <E extends SpecificRecord> java.util.function.Supplier<Consumer<String, E>> consumers(
            KafkaProperties kafka, String groupId, Class<E> type) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        return () -> new KafkaConsumer<>(config, new StringDeserializer(), lenient(type));
    }

    /** An unreadable view is skipped with a log line (the projection rewrites the record on its next change). */
    private static <E extends SpecificRecord> Deserializer<E> lenient(Class<E> type) {
        Deserializer<E> events = EventSerde.of(type).deserializer();
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
