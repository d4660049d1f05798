package io.dealledger.emulator.crm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of CRM's per-record answer: SUCCESS with the record's ids and times, or an error naming the field. An
 * upsert's entries also say what was done ({@code action}: insert/update) and by which field ({@code duplicate_field}).
 */
public record RecordResult(boolean success, String code, String message, Map<String, Object> details, String action,
        String duplicateField) {

    RecordResult(boolean success, String code, String message, Map<String, Object> details) {
        this(success, code, message, details, null, null);
    }

    static RecordResult success(String message, Map<String, Object> details) {
        return new RecordResult(true, "SUCCESS", message, details);
    }

    static RecordResult upserted(String message, Map<String, Object> details, String action, String duplicateField) {
        return new RecordResult(true, "SUCCESS", message, details, action, duplicateField);
    }

    static RecordResult error(String code, String message, String apiName, String jsonPath, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.putAll(extra);
        details.put("api_name", apiName);
        details.put("json_path", jsonPath);
        return new RecordResult(false, code, message, details);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        if (action != null) {
            json.put("duplicate_field", duplicateField);
            json.put("action", action);
        }
        json.put("details", details);
        json.put("message", message);
        json.put("status", success ? "success" : "error");
        return json;
    }
}
