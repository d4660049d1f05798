package io.dealledger.service.deadletter;

import java.util.Optional;

import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.TopicSpec;

/**
 * A dead-letter topic as named by {@code TopicSpec.deadLetterTopic}: {@code <source topic>.<service id>.dlt},
 * where the service is the one that consumed the source topic and parked what it could not process. The name alone
 * says which service owns it, and so which service replays it.
 */
public record DeadLetterTopic(String name, Service service, String sourceTopic) {

    /** The dead-letter topic {@code name} stands for; empty for any other topic. */
    public static Optional<DeadLetterTopic> parse(String name) {
        for (Service service : Service.values()) {
            String suffix = "." + service.id() + ".dlt";
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return Optional.of(new DeadLetterTopic(name, service, name.substring(0, name.length() - suffix.length())));
            }
        }
        return Optional.empty();
    }

    /** {@code consumer}'s dead-letter topic for {@code source}. */
    public static DeadLetterTopic of(TopicSpec source, Service consumer) {
        return new DeadLetterTopic(source.deadLetterTopic(consumer), consumer, source.name());
    }
}
