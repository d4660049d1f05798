package io.dealledger.emulator.crm.automation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;

/**
 * {@code GET /crm/v8/settings/automation/webhooks}: the configured Deals workflow webhook as CRM lists a webhook
 * (zoho/crm-oas v8.0/webhooks getWebhooks, example Success200: summary fields only, no headers), associated with its
 * workflow rule. CRM publishes this API in v8; none configured, or another module asked: 204, as CRM answers an
 * empty list.
 */
@RestController
public class WebhooksController {

    private final DealWorkflowWebhook webhook;

    public WebhooksController(DealWorkflowWebhook webhook) {
        this.webhook = webhook;
    }

    @GetMapping("/crm/v8/settings/automation/webhooks")
    public ResponseEntity<Map<String, Object>> list(@RequestParam(name = "module", required = false) String module) {
        if (webhook.configured().isEmpty() || module != null && !module.equals("Deals")) {
            return ResponseEntity.noContent().build();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("created_time", "2025-07-12T06:55:54-07:00");
        row.put("lock_status", Map.of("locked", false));
        row.put("editable", true);
        row.put("module", Map.of("api_name", "Deals", "id", "5725767000000002181"));
        row.put("related_module", null);
        row.put("deletable", true);
        row.put("description", "Deal edits to dealledger");
        row.put("source", "user");
        row.put("created_by", Map.of("name", "Patricia Boyle", "id", "5725767000000411001"));
        row.put("url", webhook.configured().get().url());
        row.put("feature_type", "workflow");
        row.put("http_method", "POST");
        row.put("modified_time", "2025-07-12T06:55:54-07:00");
        row.put("associated", true);
        row.put("name", "dealledger deal changes");
        row.put("modified_by", Map.of("name", "Patricia Boyle", "id", "5725767000000411001"));
        row.put("id", DealWorkflowWebhook.ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhooks", List.of(row));
        body.put("info", Map.of("per_page", 200, "count", 1, "page", 1, "more_records", false, "max_limit", 200));
        return ResponseEntity.ok(body);
    }

    /**
     * Admin: sets the Deals workflow webhook at run time, {@code {"url","secret_header","secret"}} (an empty url
     * removes it); a reset restores configuration's.
     */
    @PutMapping("/_emulator/crm/deal-webhook")
    public Map<String, Object> set(@RequestBody(required = false) String raw) {
        JsonBody body = JsonBodies.parse(raw);
        webhook.set(new EmulatorProperties.DealWebhook(body.string("url", ""), body.string("secret_header", ""),
                body.string("secret", "")));
        return Map.of("url", body.string("url", ""));
    }
}
