package io.dealledger.owners;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dealledger.testkit.kafka.SharedKafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The services that own the dead letters DeadLetterIT replays, as small service-kit applications in the test JVM with
 * real listeners on the shared broker: an invoice-service consuming invoice.requests.v1, a payment-service consuming
 * books.events.v1 (in batches, as the real one does) and invoice.outcomes.v1. Each listener notes what it handled
 * and the record's headers, so a test sees what its owner was handed. Outside the gateway's packages, so the gateway's
 * component scan does not take them for its own.
 */
public final class ReplayOwners {

    /** A record a listener handled: its topic, key, and its replay-of and trace headers. */
    public record Handled(String topic, String key, String replayOf, String trace) {

        static Handled of(ConsumerRecord<?, ?> record) {
            return new Handled(record.topic(), String.valueOf(record.key()), text(record, "dealledger-replay-of"),
                    text(record, "b3"));
        }

        private static String text(ConsumerRecord<?, ?> record, String header) {
            Header value = record.headers().lastHeader(header);
            return value == null ? null : new String(value.value(), StandardCharsets.UTF_8);
        }
    }

    static final List<Handled> HANDLED = new CopyOnWriteArrayList<>();

    private static ConfigurableApplicationContext invoiceService;
    private static ConfigurableApplicationContext paymentService;

    private ReplayOwners() {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class InvoiceService {
        @KafkaListener(topics = "invoice.requests.v1")
        void on(ConsumerRecord<String, Object> record) {
            HANDLED.add(Handled.of(record));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class PaymentService {
        @KafkaListener(topics = "books.events.v1", batch = "true")
        void on(List<ConsumerRecord<String, Object>> records) {
            records.forEach(record -> HANDLED.add(Handled.of(record)));
        }

        @KafkaListener(topics = "invoice.outcomes.v1")
        void onOutcome(ConsumerRecord<String, Object> record) {
            HANDLED.add(Handled.of(record));
        }
    }

    public static synchronized String invoiceServiceUrl() {
        if (invoiceService == null) {
            invoiceService = start(InvoiceService.class, "invoice-service", "invoice.requests.v1");
        }
        return url(invoiceService);
    }

    public static synchronized String paymentServiceUrl() {
        if (paymentService == null) {
            paymentService = start(PaymentService.class, "payment-service", "books.events.v1,invoice.outcomes.v1");
        }
        return url(paymentService);
    }

    public static synchronized void stop() {
        for (ConfigurableApplicationContext owner : new ConfigurableApplicationContext[] {invoiceService, paymentService}) {
            if (owner != null) {
                owner.close();
            }
        }
        invoiceService = null;
        paymentService = null;
    }

    /** The records {@code key}'s owner was handed. */
    public static List<Handled> handled(String key) {
        return HANDLED.stream().filter(handled -> handled.key().equals(key)).toList();
    }

    private static ConfigurableApplicationContext start(Class<?> application, String service, String consumes) {
        // its own Netty resources: closing it must not stop the gateway's server in this JVM
        return new SpringApplicationBuilder(application)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
                        () -> {
                            ReactorResourceFactory resources = new ReactorResourceFactory();
                            resources.setUseGlobalResources(false);
                            return resources;
                        }))
                .run("--dealledger.service.name=" + service,
                        "--dealledger.service.consumes=" + consumes,
                        "--dealledger.service.retry.attempts=1",
                        "--dealledger.service.retry.initial-interval=20ms",
                        "--spring.kafka.consumer.group-id=" + service + "-replay-owner",
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers());
    }

    private static String url(ConfigurableApplicationContext owner) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) owner).getWebServer().getPort();
    }
}
