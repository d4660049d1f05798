package io.dealledger.emulator.crm.automation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.crm.CrmModule;
import io.dealledger.emulator.crm.CrmRecords;
import io.dealledger.emulator.crm.RecordChangeListener;
import io.dealledger.emulator.outbound.OutboundDispatcher;
import io.dealledger.emulator.outbound.OutboundMessage;
import io.dealledger.emulator.reset.Resettable;

/**
 * The configured workflow webhook on Deals ({@code zoho-emulator.crm.deal-webhook}): after every saved create or edit
 * of a deal, one form-encoded POST with the merge fields of docs/zoho-setup.md §3 and the secret header. A write sent
 * with a {@code trigger} that leaves out {@code workflow} (dealledger's own write-back sends {@code "trigger":[]})
 * runs no workflow rule, as in CRM (https://www.zoho.com/crm/developer/docs/api/v7/update-records.html, "trigger").
 */
@Component
public class DealWorkflowWebhook implements RecordChangeListener, Resettable {

    /** The id CRM would give the webhook; the list answer names it. */
    static final String ID = "5725767000007186002";

    private final EmulatorProperties.DealWebhook fromConfiguration;
    /** The webhook now: configuration's, or one set with {@code PUT /_emulator/crm/deal-webhook} until reset. */
    private volatile EmulatorProperties.DealWebhook configured;
    private final CrmRecords records;
    private final OutboundDispatcher dispatcher;

    public DealWorkflowWebhook(EmulatorProperties properties, CrmRecords records, OutboundDispatcher dispatcher) {
        this.fromConfiguration = properties.crm().dealWebhook();
        this.configured = fromConfiguration;
        this.records = records;
        this.dispatcher = dispatcher;
    }

    /** The webhook, when one is configured. */
    Optional<EmulatorProperties.DealWebhook> configured() {
        return configured.url().isBlank() ? Optional.empty() : Optional.of(configured);
    }

    /** Sets the webhook (an empty url removes it) until the next reset. */
    public void set(EmulatorProperties.DealWebhook webhook) {
        this.configured = webhook;
    }

    @Override
    public void reset() {
        this.configured = fromConfiguration;
    }

    @Override
    public void recordsChanged(CrmModule module, String operation, List<String> ids,
                               Map<String, List<String>> affectedFields, List<String> trigger) {
        EmulatorProperties.DealWebhook configured = this.configured;
        if (configured.url().isBlank() || module != CrmModule.DEALS || operation.equals("delete")
                || trigger != null && !trigger.contains("workflow")) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (!configured.secretHeader().isBlank()) {
            headers.put(configured.secretHeader(), configured.secret());
        }
        for (String id : ids) {
            Map<String, Object> deal = records.get(CrmModule.DEALS, id);
            if (deal != null) {
                dispatcher.send(new OutboundMessage("crm_workflow_webhook", "crm", null, "Deals", "Deals." + operation,
                        "POST", configured.url(), headers, form(id, deal)));
            }
        }
    }

    private static String form(String id, Map<String, Object> deal) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deal_id", id);
        fields.put("amount", text(deal.get("Amount")));
        fields.put("currency", text(deal.get("Currency")));
        fields.put("stage", text(deal.get("Stage")));
        fields.put("account_id", deal.get("Account_Name") instanceof Map<?, ?> account ? text(account.get("id")) : "");
        fields.put("deal_name", text(deal.get("Deal_Name")));
        fields.put("modified_time", text(deal.get("Modified_Time")));
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
