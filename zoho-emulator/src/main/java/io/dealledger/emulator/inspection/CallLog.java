package io.dealledger.emulator.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Calls received, counted by API family, organization, method, endpoint template and HTTP status. */
@Component
public class CallLog implements io.dealledger.emulator.reset.Resettable {

    private final Map<CallKey, AtomicLong> counts = new ConcurrentHashMap<>();

    public void record(CallKey key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    public List<Map<String, Object>> list(String family, String organizationId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .filter(e -> family == null || e.getKey().family().equals(family))
                .filter(e -> organizationId == null || organizationId.equals(e.getKey().organizationId()))
                .sorted(Comparator.comparing((Map.Entry<CallKey, AtomicLong> e) -> e.getKey().endpoint())
                        .thenComparing(e -> e.getKey().method()).thenComparing(e -> e.getKey().status()))
                .forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("family", e.getKey().family());
                    row.put("organization_id", e.getKey().organizationId());
                    row.put("method", e.getKey().method());
                    row.put("endpoint", e.getKey().endpoint());
                    row.put("status", e.getKey().status());
                    row.put("count", e.getValue().get());
                    rows.add(row);
                });
        return rows;
    }

    @Override
    public void reset() {
        counts.clear();
    }

    public record CallKey(String family, String organizationId, String method, String endpoint, int status) {
    }
}
