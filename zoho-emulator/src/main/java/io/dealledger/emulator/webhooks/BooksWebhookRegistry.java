package io.dealledger.emulator.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.OrgRecords;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;

/** Webhooks created through {@code POST /settings/webhooks}, plus the one from configuration that every org has. */
@Component
public class BooksWebhookRegistry implements Resettable {

    private static final List<String> EVENTS = List.of("invoice_created", "invoice_updated", "invoice_status_changed",
            "payment_created", "payment_updated", "payment_deleted", "creditnote_created", "creditnote_applied",
            "creditnote_unapplied", "creditnote_refunded", "creditnote_voided");

    private final OrgRecords<BooksWebhook> webhooks = new OrgRecords<>();
    private final BooksIds ids;
    private final EmulatorProperties.BooksWebhooks configured;
    private final Map<String, String> organizationSecrets;

    public BooksWebhookRegistry(BooksIds ids, EmulatorProperties properties) {
        this.ids = ids;
        this.configured = properties.books().webhooks();
        this.organizationSecrets = configured.secretsByOrganization();
    }

    public BooksWebhook create(String orgId, JsonBody body) {
        String url = BooksInput.required(body, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw BooksException.invalidValue("url");
        }
        String entity = entity(body.string("entity", "invoice"));
        String method = body.string("method", "POST").toUpperCase(Locale.ROOT);
        if (!List.of("POST", "PUT", "DELETE").contains(method)) {
            throw BooksException.invalidValue("method");
        }
        List<String> events = body.strings("events");
        for (String event : events) {
            if (!EVENTS.contains(event)) {
                throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invalid value passed for events: " + event
                        + ". Known events: " + String.join(", ", EVENTS));
            }
        }
        String secret = body.string("secret", "");
        if (!secret.isEmpty() && !secret.matches("[A-Za-z0-9]{12,50}")) {
            throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Invalid value passed for secret: 12 to 50 alphanumeric characters.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonBody header : body.objects("headers")) {
            headers.put(BooksInput.required(header, "param_name"), header.string("param_value", ""));
        }
        BooksWebhook webhook = new BooksWebhook(ids.next(BooksIds.Kind.WEBHOOK), orgId,
                body.string("webhook_name", entity + " webhook"), entity, method, url, headers, events, secret);
        webhooks.put(orgId, webhook.webhookId(), webhook);
        return webhook;
    }

    /**
     * The org's webhooks, the configured one included (as Books lists a webhook set up in its settings), so that a
     * setup check reading {@code GET /settings/webhooks} sees where the emulator posts.
     */
    public List<BooksWebhook> list(String orgId) {
        List<BooksWebhook> all = new ArrayList<>(webhooks.all(orgId));
        configuredOne(orgId).ifPresent(all::add);
        return all;
    }

    public BooksWebhook require(String orgId, String webhookId) {
        BooksWebhook webhook = webhooks.get(orgId, webhookId);
        if (webhook == null) {
            throw BooksException.notFound("Webhook");
        }
        return webhook;
    }

    public void delete(String orgId, String webhookId) {
        require(orgId, webhookId);
        webhooks.remove(orgId, webhookId);
    }

    /** The API-created webhooks of the org that want this event, then the configured one. */
    List<BooksWebhook> matching(String orgId, String entity, String event) {
        List<BooksWebhook> matching = new ArrayList<>(webhooks.all(orgId).stream().filter(w -> w.matches(entity, event)).toList());
        configuredOne(orgId).ifPresent(matching::add);
        return matching;
    }

    /** The webhook of the emulator's configuration ({@code zoho-emulator.books.webhooks.url}), if one is set. */
    private java.util.Optional<BooksWebhook> configuredOne(String orgId) {
        if (configured.url().isBlank()) {
            return java.util.Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>(configured.headers());
        // each organization's own secret, as a Books webhook configured in that organization sends it
        if (!configured.secretHeader().isBlank() && organizationSecrets.containsKey(orgId)) {
            headers.put(configured.secretHeader(), organizationSecrets.get(orgId));
        }
        return java.util.Optional.of(new BooksWebhook("configured", orgId, "configuration", BooksWebhook.ALL, "POST",
                configured.url().replace("{organization_id}", orgId), headers, List.of(), configured.secret()));
    }

    private static String entity(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "")) {
            case "invoice", "invoices" -> "invoice";
            case "customerpayment", "customerpayments", "payment", "payments", "paymentsreceived" -> "customerpayment";
            case "creditnote", "creditnotes" -> "creditnote";
            default -> throw BooksException.invalidValue("entity");
        };
    }

    @Override
    public void reset() {
        webhooks.clear();
    }
}
