package io.dealledger.emulator.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.reset.Resettable;

/**
 * Related lists: the records of {@code related} shown under one record, e.g. a deal's Products. A record's
 * related records are those associated with it ({@code PUT /{module}/{id}/{related}}) and those whose lookups
 * point at it (a deal's Contacts... an account's Deals).
 */
@Component
public class CrmRelations implements Resettable {

    private final Map<String, Set<String>> associated = new LinkedHashMap<>();
    private final CrmRecords records;

    public CrmRelations(CrmRecords records) {
        this.records = records;
    }

    public synchronized void associate(CrmModule module, String id, CrmModule related, String relatedId) {
        associated.computeIfAbsent(key(module, id, related), k -> new LinkedHashSet<>()).add(relatedId);
    }

    public synchronized List<Map<String, Object>> of(CrmModule module, String id, CrmModule related) {
        Set<String> ids = new LinkedHashSet<>(associated.getOrDefault(key(module, id, related), Set.of()));
        for (Map<String, Object> candidate : records.all(related)) {
            boolean points = candidate.values().stream()
                    .anyMatch(v -> v instanceof Map<?, ?> lookup && id.equals(String.valueOf(lookup.get("id"))));
            if (points) {
                ids.add(candidate.get("id").toString());
            }
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (String relatedId : ids) {
            Map<String, Object> record = records.get(related, relatedId);
            if (record != null) {
                found.add(CrmRecords.copy(record));
            }
        }
        return found;
    }

    private static String key(CrmModule module, String id, CrmModule related) {
        return module.apiName() + "/" + id + "/" + related.apiName();
    }

    @Override
    public synchronized void reset() {
        associated.clear();
    }
}
