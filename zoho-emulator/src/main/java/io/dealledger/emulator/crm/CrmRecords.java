package io.dealledger.emulator.crm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.reset.Resettable;

/**
 * CRM records by module, in creation order, each a field map keyed by API name. Ids are deterministic
 * per module (and subform rows have their own sequence) so the default data set has fixed ids.
 */
@Component
public class CrmRecords implements Resettable {

    private static final long ROW_ID_BASE = 5725767000000500000L;

    private final Map<CrmModule, Map<String, Map<String, Object>>> records = new EnumMap<>(CrmModule.class);
    private final Map<CrmModule, Long> counters = new EnumMap<>(CrmModule.class);
    private long rowCounter;

    public synchronized String nextId(CrmModule module) {
        long n = counters.merge(module, 1L, Long::sum);
        return Long.toString(module.idBase() + n);
    }

    public synchronized String nextRowId() {
        return Long.toString(ROW_ID_BASE + ++rowCounter);
    }

    public synchronized void put(CrmModule module, Map<String, Object> record) {
        records.computeIfAbsent(module, m -> new LinkedHashMap<>()).put(record.get("id").toString(), record);
    }

    public synchronized Map<String, Object> get(CrmModule module, String id) {
        return id == null ? null : records.getOrDefault(module, Map.of()).get(id);
    }

    public synchronized Map<String, Object> remove(CrmModule module, String id) {
        return records.getOrDefault(module, new LinkedHashMap<>()).remove(id);
    }

    public synchronized List<Map<String, Object>> all(CrmModule module) {
        List<Map<String, Object>> copies = new ArrayList<>();
        records.getOrDefault(module, Map.of()).values().forEach(r -> copies.add(copy(r)));
        return copies;
    }

    /** A deep-enough copy for answers: nested lookups and subform rows are copied too. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>();
        record.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                copy.put(key, copy((Map<String, Object>) map));
            } else if (value instanceof List<?> list) {
                List<Object> rows = new ArrayList<>();
                list.forEach(row -> rows.add(row instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : row));
                copy.put(key, rows);
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }

    @Override
    public synchronized void reset() {
        records.clear();
        counters.clear();
        rowCounter = 0;
    }
}
