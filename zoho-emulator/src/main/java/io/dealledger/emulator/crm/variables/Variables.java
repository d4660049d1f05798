package io.dealledger.emulator.crm.variables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.reset.Resettable;

/** CRM org variables (e.g. the legal-entity → Books organization map). Values are strings, as CRM returns them. */
@Component
public class Variables implements Resettable {

    private static final long ID_BASE = 5725767000000600000L;

    private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    private long counter;

    public synchronized Map<String, Object> create(String apiName, String name, String type, Object value, String groupApiName,
            String description) {
        Map<String, Object> variable = new LinkedHashMap<>();
        String id = Long.toString(ID_BASE + ++counter);
        variable.put("id", id);
        variable.put("api_name", apiName);
        variable.put("name", name == null ? apiName : name);
        variable.put("description", description);
        variable.put("type", type == null ? "text" : type);
        variable.put("value", value == null ? null : value.toString());
        String group = groupApiName == null ? "General" : groupApiName;
        variable.put("variable_group", Map.of("api_name", group, "name", group, "id", "5725767000000699999"));
        variable.put("read_only", false);
        variable.put("source", "crm");
        byId.put(id, variable);
        return new LinkedHashMap<>(variable);
    }

    public synchronized Map<String, Object> find(String idOrApiName) {
        if (byId.containsKey(idOrApiName)) {
            return byId.get(idOrApiName);
        }
        return byId.values().stream().filter(v -> idOrApiName.equals(v.get("api_name"))).findFirst().orElse(null);
    }

    public synchronized boolean apiNameTaken(String apiName) {
        return byId.values().stream().anyMatch(v -> apiName.equals(v.get("api_name")));
    }

    public synchronized List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>();
        byId.values().forEach(v -> all.add(new LinkedHashMap<>(v)));
        return all;
    }

    @Override
    public synchronized void reset() {
        byId.clear();
        counter = 0;
    }
}
