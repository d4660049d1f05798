package io.dealledger.emulator.crm.notify;

import java.time.Instant;
import java.util.List;

/** An {@code actions/watch} subscription: which module events to send where, with the token echoed back. */
record WatchChannel(String channelId, List<String> events, String notifyUrl, String token, Instant expiry,
        boolean returnAffectedFieldValues) {

    boolean wants(String module, String operation) {
        String event = switch (operation) {
            case "insert" -> "create";
            case "update" -> "edit";
            default -> "delete";
        };
        return events.contains(module + "." + event) || events.contains(module + ".all");
    }
}
