package io.dealledger.testkit.kafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the JVM's shared real Kafka broker. Put it before
 * {@code @SpringBootTest} so the broker is up, and {@code spring.kafka.bootstrap-servers} set, before the
 * application context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SharedKafkaExtension.class)
public @interface UsesKafka {
}
