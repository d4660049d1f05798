package io.dealledger.emulator.books.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One kind of Books record, per organization, in creation order. Callers hold the org lock. */
public final class OrgRecords<T> {

    private final Map<String, Map<String, T>> byOrg = new ConcurrentHashMap<>();

    public T get(String organizationId, String id) {
        return records(organizationId).get(id);
    }

    public void put(String organizationId, String id, T record) {
        records(organizationId).put(id, record);
    }

    public T remove(String organizationId, String id) {
        return records(organizationId).remove(id);
    }

    public List<T> all(String organizationId) {
        return new ArrayList<>(records(organizationId).values());
    }

    public void clear() {
        byOrg.clear();
    }

    private Map<String, T> records(String organizationId) {
        return byOrg.computeIfAbsent(organizationId, id -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
    }
}
