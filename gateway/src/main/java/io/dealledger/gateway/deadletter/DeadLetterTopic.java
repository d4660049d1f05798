package io.dealledger.gateway.deadletter;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.topics.Service;

/**
 * A dead-letter topic as named by {@code TopicSpec.deadLetterTopic}: {@code <source topic>.<service id>.dlt},
 * where the service is the one that consumed the source topic and parked what it could not process.
 */
record DeadLetterTopic(String name, Service service, String sourceTopic) {

    private static final String SERVICE_IDS = Arrays.stream(Service.values()).map(Service::id)
            .collect(Collectors.joining(", "));

    /** The dead-letter topic {@code name} stands for; empty for any other topic. */
    static Optional<DeadLetterTopic> parse(String name) {
        for (Service service : Service.values()) {
            String suffix = "." + service.id() + ".dlt";
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return Optional.of(new DeadLetterTopic(name, service, name.substring(0, name.length() - suffix.length())));
            }
        }
        return Optional.empty();
    }

    /** The service whose id is {@code id}; a 400 naming {@code field} for any other value. */
    static Service service(String field, String id) {
        return Arrays.stream(Service.values()).filter(service -> service.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.invalid(field, "must be one of " + SERVICE_IDS));
    }
}
