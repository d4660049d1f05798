package io.dealledger.emulator.books.customfield;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.json.JsonBody;

/**
 * Custom field values of a Books record, keyed by API name ({@code cf_crm_deal_id}). Written as
 * {@code [{"api_name":…,"value":…}]} or {@code [{"customfield_id":…,"value":…}]}; read back with
 * id, label, API name and value, plus {@code custom_field_hash}.
 */
public final class CustomFields {

    private final Map<String, Object> values = new LinkedHashMap<>();

    public static CustomFields from(JsonBody body) {
        CustomFields fields = new CustomFields();
        fields.merge(body);
        return fields;
    }

    /** Adds or replaces the values the body carries (fields not mentioned keep their value, as in Zoho). */
    public void merge(JsonBody body) {
        for (JsonBody field : body.objects("custom_fields")) {
            String apiName = field.string("api_name");
            if (apiName == null && field.has("customfield_id")) {
                apiName = apiNameOfId(field.string("customfield_id"));
            }
            if (apiName == null && field.has("label")) {
                apiName = "cf_" + field.string("label").toLowerCase().replaceAll("[^a-z0-9]+", "_");
            }
            if (apiName != null) {
                values.put(apiName, field.raw("value"));
            }
        }
    }

    public void replaceAll(Map<String, Object> newValues) {
        values.clear();
        values.putAll(newValues);
    }

    public void put(String apiName, Object value) {
        values.put(apiName, value);
    }

    public boolean matches(String apiName, String value) {
        Object stored = values.get(apiName);
        return stored != null && stored.toString().equals(value);
    }

    public boolean contains(String value, boolean prefixOnly) {
        return values.values().stream().filter(v -> v != null).map(Object::toString)
                .anyMatch(v -> prefixOnly ? v.startsWith(value) : v.contains(value));
    }

    public Object get(String apiName) {
        return values.get(apiName);
    }

    public List<Map<String, Object>> toJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        int index = 1;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("customfield_id", idOf(entry.getKey()));
            field.put("index", index++);
            field.put("label", labelOf(entry.getKey()));
            field.put("api_name", entry.getKey());
            field.put("data_type", "string");
            field.put("show_on_pdf", false);
            field.put("value", entry.getValue());
            list.add(field);
        }
        return list;
    }

    public Map<String, Object> hash() {
        return new LinkedHashMap<>(values);
    }

    /** A stable numeric id per API name, so clients writing by {@code customfield_id} round-trip. */
    static String idOf(String apiName) {
        return "46000000" + String.format("%07d", Math.floorMod(apiName.hashCode(), 10_000_000));
    }

    private String apiNameOfId(String customFieldId) {
        return values.keySet().stream().filter(name -> idOf(name).equals(customFieldId)).findFirst()
                .orElse("cf_" + customFieldId);
    }

    private static String labelOf(String apiName) {
        String words = apiName.startsWith("cf_") ? apiName.substring(3) : apiName;
        StringBuilder label = new StringBuilder();
        for (String word : words.split("_")) {
            if (!word.isEmpty()) {
                label.append(label.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return label.toString();
    }
}
