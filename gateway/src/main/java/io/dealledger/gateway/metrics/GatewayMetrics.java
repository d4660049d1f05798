package io.dealledger.gateway.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Meters by their tags: looking one up in the registry on every request costs more than the route's HMAC. */
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> publishes = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code outcome}: accepted, unauthorized, invalid, conflict, too_large, unavailable or error. */
    public void request(String route, String outcome) {
        requests.computeIfAbsent(route + '\u0000' + outcome, key -> Counter.builder("dealledger.gateway.requests")
                .description("Requests handled by the gateway, by route and outcome")
                .tag("route", route)
                .tag("outcome", outcome)
                .register(registry)).increment();
    }

    public void published(String topic, boolean acknowledged, Duration latency) {
        String outcome = acknowledged ? "acknowledged" : "failed";
        publishes.computeIfAbsent(topic + '\u0000' + outcome, key -> Timer.builder("dealledger.gateway.publish")
                .description("Time from send to Kafka's acknowledgement (acks=all)")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)).record(latency);
    }

    /**
     * A dead letter replayed through the service that parked it. {@code service} is that service
     * (it replaces the gateway's own {@code service} tag), {@code category} its failure category's name.
     */
    public void deadLetterReplayed(String service, String category) {
        Counter.builder("dealledger.dead.letter.replays")
                .description("Dead letters replayed through the service that parked them, by that service and category")
                .tag("service", service)
                .tag("category", category)
                .register(registry)
                .increment();
    }
}
