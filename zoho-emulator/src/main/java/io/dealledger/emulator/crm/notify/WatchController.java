package io.dealledger.emulator.crm.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.clock.ZohoTimestamps;
import io.dealledger.emulator.crm.CrmModule;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;

/** {@code /crm/v7/actions/watch}: enable (POST/PUT, 201), list (GET), disable (DELETE ?channel_ids=). */
@RestController
public class WatchController {

    private final WatchChannels channels;

    public WatchController(WatchChannels channels) {
        this.channels = channels;
    }

    @PostMapping("/crm/v7/actions/watch")
    public ResponseEntity<Map<String, Object>> enable(@RequestBody(required = false) String raw) {
        List<Map<String, Object>> results = new ArrayList<>();
        boolean anyFailed = false;
        for (JsonBody row : JsonBodies.parse(raw).objects("watch")) {
            Map<String, Object> result = subscribe(row);
            anyFailed |= "error".equals(result.get("status"));
            results.add(result);
        }
        HttpStatus status = results.isEmpty() || anyFailed ? HttpStatus.BAD_REQUEST : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(Map.of("watch", results));
    }

    @PutMapping("/crm/v7/actions/watch")
    public ResponseEntity<Map<String, Object>> replace(@RequestBody(required = false) String raw) {
        return enable(raw);
    }

    @GetMapping("/crm/v7/actions/watch")
    public ResponseEntity<Map<String, Object>> list() {
        List<Map<String, Object>> all = channels.all().stream().map(WatchController::toJson).toList();
        return all.isEmpty() ? ResponseEntity.noContent().build() : ResponseEntity.ok(Map.of("watch", all));
    }

    @DeleteMapping("/crm/v7/actions/watch")
    public ResponseEntity<Map<String, Object>> disable(@RequestParam("channel_ids") String channelIds) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (String id : Arrays.stream(channelIds.split(",")).map(String::strip).toList()) {
            boolean removed = channels.remove(id);
            results.add(result(removed, removed ? "SUCCESS" : "INVALID_DATA",
                    removed ? "Successfully unsubscribed from actions-watch" : "the channel_id given seems to be invalid",
                    Map.of("channel_id", id)));
        }
        return ResponseEntity.ok(Map.of("watch", results));
    }

    private Map<String, Object> subscribe(JsonBody row) {
        String channelId = row.string("channel_id");
        String notifyUrl = row.string("notify_url");
        List<String> events = row.strings("events");
        String token = row.string("token");
        if (channelId == null || channelId.isBlank()) {
            return error("MANDATORY_NOT_FOUND", "channel_id");
        }
        if (notifyUrl == null || !(notifyUrl.startsWith("http://") || notifyUrl.startsWith("https://"))) {
            return error(notifyUrl == null ? "MANDATORY_NOT_FOUND" : "INVALID_DATA", "notify_url");
        }
        if (events.isEmpty() || events.stream().anyMatch(e -> !validEvent(e))) {
            return error(events.isEmpty() ? "MANDATORY_NOT_FOUND" : "INVALID_DATA", "events");
        }
        if (token != null && token.length() > 50) {
            return error("INVALID_DATA", "token");
        }
        Instant expiry;
        try {
            expiry = channels.expiry(row.has("channel_expiry") ? OffsetDateTime.parse(row.string("channel_expiry")).toInstant() : null);
        } catch (DateTimeParseException e) {
            return error("INVALID_DATA", "channel_expiry");
        }
        WatchChannel channel = new WatchChannel(channelId, events, notifyUrl, token, expiry, row.bool("return_affected_field_values", false));
        channels.save(channel);
        List<Map<String, Object>> eventDetails = new ArrayList<>();
        for (String event : events) {
            String module = event.substring(0, event.indexOf('.'));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("channel_expiry", ZohoTimestamps.crm(expiry));
            detail.put("resource_uri", "https://www.zohoapis.com/crm/v2/" + module);
            detail.put("resource_id", "5725767000000000131");
            detail.put("resource_name", module);
            detail.put("channel_id", channelId);
            eventDetails.add(detail);
        }
        return result(true, "SUCCESS", "Successfully subscribed for actions-watch of the given module", Map.of("events", eventDetails));
    }

    private static boolean validEvent(String event) {
        int dot = event.indexOf('.');
        return dot > 0 && CrmModule.find(event.substring(0, dot)).isPresent()
                && List.of("create", "edit", "delete", "all").contains(event.substring(dot + 1));
    }

    private static Map<String, Object> error(String code, String field) {
        return result(false, code, code.equals("MANDATORY_NOT_FOUND") ? "required field not found" : "invalid data",
                Map.of("api_name", field));
    }

    private static Map<String, Object> result(boolean success, String code, String message, Map<String, Object> details) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("details", details);
        json.put("message", message);
        json.put("status", success ? "success" : "error");
        return json;
    }

    private static Map<String, Object> toJson(WatchChannel channel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel_id", channel.channelId());
        json.put("events", channel.events());
        json.put("notify_url", channel.notifyUrl());
        json.put("token", channel.token());
        json.put("channel_expiry", ZohoTimestamps.crm(channel.expiry()));
        json.put("return_affected_field_values", channel.returnAffectedFieldValues());
        return json;
    }
}
