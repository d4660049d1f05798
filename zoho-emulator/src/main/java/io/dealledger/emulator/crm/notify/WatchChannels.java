package io.dealledger.emulator.crm.notify;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.crm.CrmModule;
import io.dealledger.emulator.crm.RecordChangeListener;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.outbound.OutboundDispatcher;
import io.dealledger.emulator.outbound.OutboundMessage;
import io.dealledger.emulator.reset.Resettable;

/**
 * Notification channels and their callbacks: one POST per saved write to every live channel that
 * watches the module's operation, with Zoho's body (ids, affected fields, operation, echoed token).
 * Expired channels stay silent. By default a write's {@code trigger} does not silence notifications
 * (they are not a workflow); {@code zoho-emulator.crm.notifications-honour-trigger=true} makes
 * {@code "trigger":[]} silence them.
 */
@Component
public class WatchChannels implements RecordChangeListener, Resettable {

    static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);
    static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final Map<String, WatchChannel> channels = new ConcurrentHashMap<>();
    private final OutboundDispatcher dispatcher;
    private final EmulatorClock clock;
    private final boolean honourTrigger;

    public WatchChannels(OutboundDispatcher dispatcher, EmulatorClock clock, EmulatorProperties properties) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.honourTrigger = properties.crm().notificationsHonourTrigger();
    }

    void save(WatchChannel channel) {
        channels.put(channel.channelId(), channel);
    }

    boolean remove(String channelId) {
        return channels.remove(channelId) != null;
    }

    List<WatchChannel> all() {
        return new ArrayList<>(channels.values());
    }

    /** Zoho's rule: no expiry, or one beyond a week, means one hour from now. */
    Instant expiry(Instant requested) {
        Instant now = clock.now();
        if (requested == null || requested.isAfter(now.plus(MAX_EXPIRY))) {
            return now.plus(DEFAULT_EXPIRY);
        }
        return requested;
    }

    @Override
    public void recordsChanged(CrmModule module, String operation, List<String> ids, Map<String, List<String>> affectedFields,
            List<String> trigger) {
        if (honourTrigger && trigger != null && !trigger.contains("workflow")) {
            return;
        }
        Instant now = clock.now();
        for (WatchChannel channel : channels.values()) {
            if (channel.expiry().isAfter(now) && channel.wants(module.apiName(), operation)) {
                String body = JsonBodies.write(callback(channel, module, operation, ids, affectedFields, now));
                dispatcher.send(new OutboundMessage("crm_notification", "crm", null, module.apiName(), module.apiName() + "." + operation,
                        "POST", channel.notifyUrl(), Map.of(), body));
            }
        }
    }

    private static Map<String, Object> callback(WatchChannel channel, CrmModule module, String operation, List<String> ids,
            Map<String, List<String>> affectedFields, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_time", now.toEpochMilli());
        body.put("query_params", queryParams(channel.notifyUrl()));
        body.put("module", module.apiName());
        body.put("resource_uri", "https://www.zohoapis.com/crm/v2/" + module.apiName());
        body.put("ids", ids);
        List<Map<String, Object>> affected = new ArrayList<>();
        if (operation.equals("update")) {
            ids.forEach(id -> affected.add(Map.of(id, affectedFields.getOrDefault(id, List.of()))));
        }
        body.put("affected_fields", affected);
        body.put("operation", operation);
        body.put("channel_id", channel.channelId());
        body.put("token", channel.token());
        return body;
    }

    private static Map<String, String> queryParams(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void reset() {
        channels.clear();
    }
}
