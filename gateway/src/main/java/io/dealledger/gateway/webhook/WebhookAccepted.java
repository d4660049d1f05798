package io.dealledger.gateway.webhook;

import java.util.List;

/** The small 200 answer to a webhook: what was done and the ids of the events now on Kafka. */
public record WebhookAccepted(String status, List<String> eventIds) {

    public static WebhookAccepted accepted(List<String> eventIds) {
        return new WebhookAccepted("accepted", List.copyOf(eventIds));
    }

    public static WebhookAccepted ignored() {
        return new WebhookAccepted("ignored", List.of());
    }
}
