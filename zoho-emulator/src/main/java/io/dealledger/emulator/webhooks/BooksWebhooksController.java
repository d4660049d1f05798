package io.dealledger.emulator.webhooks;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.json.JsonBodies;

/** {@code /books/v3/settings/webhooks}: create, list, get, delete an org's workflow webhooks. */
@RestController
@RequestMapping("/books/v3/settings/webhooks")
public class BooksWebhooksController {

    private final BooksWebhookRegistry registry;

    public BooksWebhooksController(BooksWebhookRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestParam("organization_id") String org,
            @RequestBody(required = false) String body) {
        return BooksEnvelope.created("Webhook has been added.", "webhook", registry.create(org, JsonBodies.parse(body)).toJson());
    }

    @GetMapping
    public ResponseEntity<Map<String, Object>> list(@RequestParam("organization_id") String org) {
        return BooksEnvelope.ok("success", "webhooks", registry.list(org).stream().map(BooksWebhook::toJson).toList());
    }

    @GetMapping("/{webhookId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org, @PathVariable String webhookId) {
        return BooksEnvelope.ok("success", "webhook", registry.require(org, webhookId).toJson());
    }

    @DeleteMapping("/{webhookId}")
    public ResponseEntity<Map<String, Object>> delete(@RequestParam("organization_id") String org, @PathVariable String webhookId) {
        registry.delete(org, webhookId);
        return BooksEnvelope.message("The webhook has been deleted.");
    }
}
