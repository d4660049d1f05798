package io.dealledger.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.budget.BooksBudgetProperties;
import io.dealledger.service.budget.KafkaBooksBudget;
import io.dealledger.service.token.KafkaTokenSharing;
import io.dealledger.zoho.spring.ZohoProperties;
import io.dealledger.service.config.ConsumesTopics;
import io.dealledger.service.config.ServiceProperties;
import io.dealledger.service.failures.FailureClassifier;
import io.dealledger.service.failures.SyncFailures;
import io.dealledger.service.failures.ZohoFailureClassifier;
import io.dealledger.service.deadletter.DeadLetterEntry;
import io.dealledger.service.deadletter.DeadLetterReplayController;
import io.dealledger.service.deadletter.ListenerEntry;
import io.dealledger.service.deadletter.OwnDeadLetters;
import io.dealledger.service.kafka.DeadLetterListener;
import io.dealledger.service.kafka.DeadLetters;
import io.dealledger.service.kafka.KafkaHealthIndicator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * What every dealledger service gets by depending on service-kit: the catalogue's topics and its own
 * dead-letter topics declared, dead-lettering after retries, and a Kafka health check in readiness.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnProperty("dealledger.service.name")
@EnableConfigurationProperties(ServiceProperties.class)
public class ServiceKitAutoConfiguration {

    /** Every service declares the whole catalogue (creation is idempotent), plus its own dead-letter topics. */
    @Bean
    KafkaAdmin.NewTopics dealledgerTopics(ServiceProperties service) {
        List<NewTopic> topics = new ArrayList<>(Topics.all().stream().map(TopicSpec::newTopic).toList());
        service.consumedTopics().forEach(topic -> topics.add(topic.newDeadLetterTopic(service.name())));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** How the service parks a record: after the error handler's retries, and when a replayed one fails again. */
    @Bean
    @ConditionalOnMissingBean
    DeadLetters.Parking deadLetterParking(ServiceProperties service, KafkaProperties kafka,
                                          ObjectProvider<MeterRegistry> meters,
                                          ObjectProvider<FailureClassifier> classifiers,
                                          ObjectProvider<DeadLetterListener> listeners) {
        return DeadLetters.parking(service, kafka.buildProducerProperties(),
                meters.getIfAvailable(SimpleMeterRegistry::new), classifiers.orderedStream().toList(),
                listeners.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler deadLetteringErrorHandler(ServiceProperties service, DeadLetters.Parking parking) {
        return DeadLetters.errorHandler(service, parking);
    }

    /**
     * A service that consumes topics replays its own dead letters through the listeners that parked them, or the
     * {@link DeadLetterEntry} beans it declares for topics no listener consumes ({@code POST
     * /api/v1/dead-letters/replays}, what the gateway's route of the same path forwards to). The gateway consumes
     * nothing and serves that path itself.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @Conditional(ConsumesTopics.class)
    static class DeadLetterReplays {

        @Bean
        OwnDeadLetters ownDeadLetters(ServiceProperties service, KafkaProperties kafka,
                                      ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                                      ObjectProvider<DeadLetterEntry> entries, DeadLetters.Parking parking) {
            return new OwnDeadLetters(service, kafka.buildConsumerProperties(), Duration.ofSeconds(10),
                    new ListenerEntry(listeners), entries.orderedStream().toList(), parking, java.time.Clock.systemUTC());
        }

        @Bean
        DeadLetterReplayController deadLetterReplayController(ServiceProperties service, OwnDeadLetters deadLetters) {
            return new DeadLetterReplayController(service.name(), deadLetters);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    SyncFailures syncFailures(ServiceProperties service, ObjectProvider<MeterRegistry> meters) {
        return new SyncFailures(meters.getIfAvailable(SimpleMeterRegistry::new), service.name().id());
    }

    /** Zoho's faults get their categories wherever the service talks to Zoho. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.dealledger.zoho.http.ZohoApiException")
    static class ZohoFailures {

        @Bean
        FailureClassifier zohoFailureClassifier() {
            return new ZohoFailureClassifier();
        }
    }

    /** A service that calls Books shares every organization's budget with the rest of the deployment. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.dealledger.zoho.limits.BudgetCoordination")
    @ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
    @EnableConfigurationProperties(BooksBudgetProperties.class)
    static class BooksBudgetSharing {

        @Bean
        @ConditionalOnProperty(prefix = "dealledger.books-budget", name = "enabled", matchIfMissing = true)
        KafkaBooksBudget booksBudgetCoordination(ServiceProperties service, BooksBudgetProperties budget,
                                                 KafkaProperties kafka) {
            return new KafkaBooksBudget(service.name(), budget.deployment(), kafka.buildConsumerProperties(),
                    kafka.buildProducerProperties(), budget.publishInterval(), java.time.Clock.systemUTC());
        }
    }

    /**
     * A service that calls Zoho shares its access tokens with the rest of the deployment: Zoho allows ten per refresh
     * token in ten minutes, for every instance together.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.dealledger.zoho.oauth.TokenSharing")
    @ConditionalOnProperty(prefix = "dealledger.zoho", name = "enabled", havingValue = "true")
    @EnableConfigurationProperties(BooksBudgetProperties.class)
    static class AccessTokenSharing {

        @Bean
        @ConditionalOnProperty(prefix = "dealledger.zoho", name = "share-tokens", matchIfMissing = true)
        KafkaTokenSharing zohoTokenSharing(ServiceProperties service, BooksBudgetProperties budget,
                                           ZohoProperties zoho, KafkaProperties kafka) {
            return new KafkaTokenSharing(service.name(), budget.deployment(), zoho.clientId(), zoho.clientSecret(),
                    kafka.buildConsumerProperties(), kafka.buildProducerProperties(), java.time.Clock.systemUTC());
        }
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
    }
}
