package io.dealledger.emulator.cliq;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.reset.Resettable;

/** Messages posted to Cliq channels, kept for inspection. */
@Component
public class CliqMessages implements Resettable {

    private final List<CliqMessage> messages = new CopyOnWriteArrayList<>();

    void add(CliqMessage message) {
        messages.add(message);
    }

    public List<CliqMessage> list(String channel) {
        return messages.stream().filter(m -> channel == null || m.channel().equals(channel)).toList();
    }

    @Override
    public void reset() {
        messages.clear();
    }

    /** One posted message: the channel's unique name, its text and the whole body as sent. */
    @tools.jackson.databind.annotation.JsonNaming(tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CliqMessage(String channel, String text, Map<String, Object> body, String receivedAt, String authentication) {
    }
}
