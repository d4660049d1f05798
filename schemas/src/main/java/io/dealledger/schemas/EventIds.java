package io.dealledger.schemas;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same cause (event type + the Books or CRM ids that identify it) always
 * gives the same id, so a retried publish, a redelivered webhook or a replay is recognisable downstream.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based UUID of the event type and the identifying parts, e.g. {@code derive("PaymentApplied", org, payment, invoice)}. */
    public static String derive(String eventType, String... parts) {
        StringBuilder name = new StringBuilder(eventType);
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                throw new IllegalArgumentException("an event id part of " + eventType + " is missing");
            }
            name.append('\u001f').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
