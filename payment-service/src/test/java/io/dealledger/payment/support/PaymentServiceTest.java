package io.dealledger.payment.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.dealledger.payment.PaymentServiceApplication;
import io.dealledger.testkit.kafka.UsesKafka;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every integration test of the module: the real shared broker, the in-process Zoho emulator, and one Spring
 * context (same properties everywhere, so it is cached). The poller watches the UK org only, so the US org's
 * facts in the notification tests come from notifications.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@UsesKafka
@SpringBootTest(classes = PaymentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "management.server.port=0",
                "dealledger.service.retry.attempts=2",
                "dealledger.service.retry.initial-interval=50ms",
                "dealledger.zoho.retry.first-backoff=20ms",
                "dealledger.zoho.retry.max-backoff=200ms",
                "dealledger.payment.organizations=" + Emulator.UK_ORG,
                "dealledger.payment.poller.interval=1s",
                // the emulator's limits are off here; a plan whose day is large enough for a pass a second (a smaller
                // one stretches the interval), and a per-minute share no test waits for
                "dealledger.zoho.books.daily=10000000",
                "dealledger.zoho.books.per-minute=100000",
                "dealledger.payment.poller.overlap=2m",
                "dealledger.payment.books-timeout=20s"})
@ContextConfiguration(initializers = Emulator.Properties.class)
public @interface PaymentServiceTest {
}
