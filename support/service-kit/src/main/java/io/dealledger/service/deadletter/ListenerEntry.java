package io.dealledger.service.deadletter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The way back into a service's own consumer path: the spring-kafka listener ({@code @KafkaListener}) that consumes a
 * topic, called with one record as its container calls it (a batch listener gets a batch of one). Called on the
 * caller's thread, without the container's error handler: a failure is the caller's to handle.
 */
public class ListenerEntry {

    private static final Acknowledgment NOTHING_TO_COMMIT = () -> { };

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

    public ListenerEntry(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        this.registry = registry;
    }

    /** Whether a listener of this service consumes {@code topic} by name. */
    public boolean consumes(String topic) {
        return listenerOf(topic).isPresent();
    }

    /** Hands {@code record} to the listener of its topic and returns when it has handled it; its failure is thrown. */
    @SuppressWarnings("unchecked")
    public void deliver(ConsumerRecord<String, Object> record) {
        Object listener = listenerOf(record.topic()).orElseThrow(() -> new IllegalStateException(
                "no listener consumes " + record.topic()));
        GenericMessageListener<Object> entry = (GenericMessageListener<Object>) listener;
        Object data = listener instanceof BatchMessageListener ? List.of(record) : record;
        switch (ListenerUtils.determineListenerType(listener)) {
            case ACKNOWLEDGING_CONSUMER_AWARE -> entry.onMessage(data, NOTHING_TO_COMMIT, null);
            case CONSUMER_AWARE -> entry.onMessage(data, (org.apache.kafka.clients.consumer.Consumer<?, ?>) null);
            case ACKNOWLEDGING -> entry.onMessage(data, NOTHING_TO_COMMIT);
            default -> entry.onMessage(data);
        }
    }

    private Optional<Object> listenerOf(String topic) {
        KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
        if (listeners == null) {
            return Optional.empty();
        }
        return listeners.getAllListenerContainers().stream()
                .filter(container -> subscribes(container, topic))
                .map(container -> container.getContainerProperties().getMessageListener())
                .filter(GenericMessageListener.class::isInstance)
                .findFirst();
    }

    private static boolean subscribes(MessageListenerContainer container, String topic) {
        String[] topics = container.getContainerProperties().getTopics();
        return topics != null && Arrays.asList(topics).contains(topic);
    }
}
