package io.dealledger.gateway.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The gateway's own meters: {@code dealledger_gateway_requests_total{route,outcome}},
 * {@code dealledger_gateway_publish_seconds{topic,outcome}} (Kafka acknowledgement latency) and
 * {@code dealledger_dead_letter_replays_total{service,category}}.
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code outcome}: accepted, unauthorized, invalid, conflict, too_large, unavailable or error. */
    public void request(String route, String outcome) {
        Counter.builder("dealledger.gateway.requests")
                .description("Requests handled by the gateway, by route and outcome")
                .tag("route", route)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void published(String topic, boolean acknowledged, Duration latency) {
        Timer.builder("dealledger.gateway.publish")
                .description("Time from send to Kafka's acknowledgement (acks=all)")
                .tag("topic", topic)
                .tag("outcome", acknowledged ? "acknowledged" : "failed")
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    /**
     * A dead letter re-published to its source topic. {@code service} is the service that dead-lettered it
     * (it replaces the gateway's own {@code service} tag), {@code category} its failure category's name.
     */
    public void deadLetterReplayed(String service, String category) {
        Counter.builder("dealledger.dead.letter.replays")
                .description("Dead letters re-published to their source topic, by dead-lettering service and category")
                .tag("service", service)
                .tag("category", category)
                .register(registry)
                .increment();
    }
}
