package io.dealledger.invoice.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.dealledger.invoice.InvoiceServiceApplication;
import io.dealledger.testkit.kafka.UsesKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context every integration test of this module shares: the real embedded broker,
 * the in-process Zoho emulator, fast retries. Same annotation everywhere, so Spring starts it once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@UsesKafka
@SpringBootTest(classes = InvoiceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "management.server.port=0",
                "dealledger.service.retry.attempts=3",
                "dealledger.service.retry.initial-interval=50ms",
                "dealledger.service.retry.max-interval=200ms",
                "dealledger.zoho.retry.max-attempts=8",
                "dealledger.zoho.retry.first-backoff=20ms",
                "dealledger.zoho.retry.max-backoff=200ms",
                "dealledger.zoho.timeout=5s",
                "dealledger.zoho.books.per-minute=100000",
                // the emulator's cap is raised for the tests too; a day's cap reached is probed every second
                "dealledger.zoho.books.daily=1000000",
                "dealledger.zoho.books.daily-probe=1s",
                "dealledger.invoice.call-timeout=60s"})
@ContextConfiguration(initializers = TestZoho.Initializer.class)
public @interface InvoiceServiceIT {
}
