package io.dealledger.gateway.webhook.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dealledger.events.DealChanged;
import io.dealledger.gateway.json.Amounts;
import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.EventIds;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Normalizes what CRM sends about deals into {@code DealChanged} events (key: deal id):
 * <ul>
 * <li>a workflow webhook on Deal edits, with merge fields {@code deal_id}, {@code amount}, {@code currency},
 * {@code stage}, {@code account_id}, {@code legal_entity}, {@code deal_name}, {@code modified_time}; further
 * custom parameters are ignored;</li>
 * <li>a notification callback ({@code actions/watch}): {@code {"module":"Deals","ids":[…],"operation":…,
 * "channel_id":…,"token":…}} → one event per id carrying only the deal id, which tells the projection the
 * deal changed.</li>
 * </ul>
 */
public final class CrmPayloads {

    private static final int MAX_IDS = 200;

    private CrmPayloads() {
    }

    /** One event to publish, with its key. */
    public record Change(String dealId, String eventId, DealChanged event) {
    }

    /** Whether the body is a notification callback rather than a workflow webhook. */
    public static boolean isNotification(ObjectNode root) {
        return root.has("token") || root.has("channel_id");
    }

    public static Change workflow(ObjectNode root, Instant receivedAt) {
        Fields fields = Fields.of(root, "");
        String dealId = fields.requiredId("deal_id");
        String modified = fields.text("modified_time", 40);
        String version = modified != null ? "modified:" + modified : "sha256:" + JsonBodies.canonicalHash(root);
        String eventId = EventIds.derive("DealChanged", dealId, "workflow", version);
        DealChanged event = DealChanged.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(receivedAt)
                .setSource("crm")
                .setDealId(dealId)
                .setDealName(fields.text("deal_name", 255))
                .setAmount(fields.decimal("amount", Amounts.MONEY_SCALE, Amounts.MONEY_INTEGER_DIGITS))
                .setCurrency(fields.currency("currency"))
                .setStage(fields.text("stage", 100))
                .setAccountId(fields.id("account_id"))
                .setLegalEntity(fields.text("legal_entity", 100))
                .setModifiedTime(modified)
                .build();
        return new Change(dealId, eventId, event);
    }

    /** The channel id and token of a notification, to authenticate before anything else is read. */
    public record Credentials(String channelId, String token) {
    }

    public static Credentials credentials(ObjectNode root) {
        JsonNode channel = root.get("channel_id");
        JsonNode token = root.get("token");
        return new Credentials(channel != null && (channel.isString() || channel.isIntegralNumber())
                ? channel.asString() : null, token != null && token.isString() ? token.stringValue() : null);
    }

    /** The events of an authenticated notification; none for a module other than Deals. */
    public static List<Change> notification(ObjectNode root, Instant receivedAt) {
        Fields fields = Fields.of(root, "");
        String module = fields.text("module", 100);
        if (!"Deals".equals(module)) {
            return List.of();
        }
        String channelId = credentials(root).channelId();
        String operation = fields.text("operation", 40);
        JsonNode serverTime = root.get("server_time");
        Instant occurredAt = receivedAt;
        String version = "sha256:" + JsonBodies.canonicalHash(root);
        if (serverTime != null && !serverTime.isNull()) {
            if (!serverTime.isIntegralNumber() || serverTime.bigIntegerValue().bitLength() > 62
                    || serverTime.bigIntegerValue().signum() < 0) {
                throw Refusal.invalid("server_time", "must be epoch milliseconds");
            }
            occurredAt = Instant.ofEpochMilli(serverTime.longValue());
            version = "server_time:" + serverTime.longValue();
        }
        List<Change> changes = new ArrayList<>();
        for (String dealId : ids(root)) {
            String eventId = EventIds.derive("DealChanged", dealId, "notification", channelId,
                    operation == null ? "-" : operation, version);
            changes.add(new Change(dealId, eventId, DealChanged.newBuilder()
                    .setEventId(eventId)
                    .setOccurredAt(occurredAt)
                    .setSource("crm")
                    .setDealId(dealId)
                    .build()));
        }
        return changes;
    }

    private static Set<String> ids(ObjectNode root) {
        JsonNode ids = root.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_IDS) {
            throw Refusal.invalid("ids", "must be an array of 1 to " + MAX_IDS + " deal ids");
        }
        Set<String> dealIds = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            String value = id.isString() ? id.stringValue() : id.isIntegralNumber() ? id.bigIntegerValue().toString() : null;
            dealIds.add(Fields.id("ids[" + i + "]", value));
        }
        return dealIds;
    }
}
