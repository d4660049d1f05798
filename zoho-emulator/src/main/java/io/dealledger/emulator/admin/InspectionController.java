package io.dealledger.emulator.admin;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.cliq.CliqMessages;
import io.dealledger.emulator.inspection.CallLog;
import io.dealledger.emulator.inspection.CrmWriteLog;
import io.dealledger.emulator.outbound.Delivery;
import io.dealledger.emulator.outbound.DeliveryLog;

/** What the emulator received and sent: calls, webhook/notification deliveries, Cliq messages, CRM writes. */
@RestController
@RequestMapping("/_emulator")
public class InspectionController {

    private final CallLog calls;
    private final DeliveryLog deliveries;
    private final CliqMessages cliq;
    private final CrmWriteLog crmWrites;

    public InspectionController(CallLog calls, DeliveryLog deliveries, CliqMessages cliq, CrmWriteLog crmWrites) {
        this.calls = calls;
        this.deliveries = deliveries;
        this.cliq = cliq;
        this.crmWrites = crmWrites;
    }

    /** Counts by family ({@code books}, {@code crm}, {@code oauth}, {@code cliq}), org, method, endpoint template, status. */
    @GetMapping("/calls")
    public Map<String, Object> calls(@RequestParam(required = false) String family,
            @RequestParam(name = "organization_id", required = false) String organizationId) {
        List<Map<String, Object>> rows = calls.list(family, organizationId);
        long total = rows.stream().mapToLong(r -> (Long) r.get("count")).sum();
        return Map.of("calls", rows, "total", total);
    }

    /** Books webhooks ({@code kind=books_webhook}) and CRM notifications ({@code kind=crm_notification}). */
    @GetMapping("/deliveries")
    public Map<String, Object> deliveries(@RequestParam(required = false) String kind,
            @RequestParam(name = "organization_id", required = false) String organizationId) {
        return Map.of("deliveries", deliveries.list(kind, organizationId).stream().map(Delivery::toJson).toList());
    }

    @GetMapping("/cliq/messages")
    public Map<String, Object> cliqMessages(@RequestParam(required = false) String channel) {
        return Map.of("messages", cliq.list(channel));
    }

    @GetMapping("/crm/writes")
    public Map<String, Object> crmWrites(@RequestParam(required = false) String module) {
        return Map.of("writes", crmWrites.list(module));
    }
}
