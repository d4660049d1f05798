package io.dealledger.emulator.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.clock.ZohoTimestamps;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.inspection.CrmWriteLog;
import io.dealledger.emulator.json.JsonBody;

/**
 * Inserts, updates and deletes CRM records, at most 100 per call, each record succeeding or failing on
 * its own. Saved changes are logged (with record counts) and passed to the notification listeners.
 */
@Service
public class CrmRecordWriter {

    static final int MAX_RECORDS = 100;
    private static final Map<String, Object> USER = Map.of("name", "Emulator Admin", "id", "5725767000000000001",
            "email", "admin@emulator.local");

    private final CrmRecords records;
    private final FieldRules rules;
    private final EmulatorClock clock;
    private final CrmWriteLog writeLog;
    private final List<RecordChangeListener> listeners;
    private final String homeCurrency;

    public CrmRecordWriter(CrmRecords records, EmulatorClock clock, CrmWriteLog writeLog,
            List<RecordChangeListener> listeners, EmulatorProperties properties) {
        this.records = records;
        this.rules = new FieldRules(records, properties.crm().dealLineItemsField());
        this.clock = clock;
        this.writeLog = writeLog;
        this.listeners = listeners;
        this.homeCurrency = properties.crm().homeCurrency();
    }

    public synchronized WriteOutcome insert(CrmModule module, JsonBody body) {
        List<JsonBody> rows = rows(body);
        List<RecordResult> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                Map<String, Object> record = insertOne(module, rows.get(i).asMap(), i);
                ids.add(record.get("id").toString());
                results.add(RecordResult.success("record added", details(record)));
            } catch (InvalidField e) {
                results.add(e.result());
            }
        }
        saved(module, "insert", rows.size(), ids, Map.of(), trigger(body));
        return new WriteOutcome(results, HttpStatus.CREATED);
    }

    public synchronized WriteOutcome update(CrmModule module, JsonBody body) {
        List<JsonBody> rows = rows(body);
        List<RecordResult> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> affected = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                Map<String, Object> input = rows.get(i).asMap();
                Object id = input.get("id");
                if (id == null || id.toString().isBlank()) {
                    throw InvalidField.mandatory("id", "$.data[" + i + "].id");
                }
                Map<String, Object> existing = records.get(module, id.toString());
                if (existing == null) {
                    throw new InvalidField(RecordResult.error("INVALID_DATA", "the id given seems to be invalid", "id",
                            "$.data[" + i + "].id", Map.of()));
                }
                affected.put(id.toString(), updateOne(module, existing, input, i));
                ids.add(id.toString());
                results.add(RecordResult.success("record updated", details(existing)));
            } catch (InvalidField e) {
                results.add(e.result());
            }
        }
        saved(module, "update", rows.size(), ids, affected, trigger(body));
        return new WriteOutcome(results, HttpStatus.OK);
    }

    /**
     * {@code POST /{module}/upsert}: each record updates the one whose first {@code duplicate_check_fields} value
     * matches (the module's default unique field otherwise), else is inserted; each answer says which
     * ({@code action}) and by which field ({@code duplicate_field}).
     */
    public synchronized WriteOutcome upsert(CrmModule module, JsonBody body) {
        List<JsonBody> rows = rows(body);
        List<String> checkFields = body.isList("duplicate_check_fields") ? body.strings("duplicate_check_fields")
                : module.duplicateCheckFields();
        List<RecordResult> results = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        Map<String, List<String>> affected = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                Map<String, Object> input = rows.get(i).asMap();
                Match match = match(module, input, checkFields);
                if (match == null) {
                    Map<String, Object> record = insertOne(module, input, i);
                    inserted.add(record.get("id").toString());
                    results.add(RecordResult.upserted("record added", details(record), "insert", null));
                } else {
                    affected.put(match.record().get("id").toString(), updateOne(module, match.record(), input, i));
                    updated.add(match.record().get("id").toString());
                    results.add(RecordResult.upserted("record updated", details(match.record()), "update", match.field()));
                }
            } catch (InvalidField e) {
                results.add(e.result());
            }
        }
        if (!inserted.isEmpty()) {
            saved(module, "insert", inserted.size(), inserted, Map.of(), trigger(body));
        }
        if (!updated.isEmpty() || inserted.isEmpty()) {
            saved(module, "update", rows.size() - inserted.size(), updated, affected, trigger(body));
        }
        return new WriteOutcome(results, HttpStatus.OK);
    }

    private record Match(Map<String, Object> record, String field) {
    }

    private Match match(CrmModule module, Map<String, Object> input, List<String> checkFields) {
        for (String field : checkFields) {
            Object wanted = input.get(field);
            if (wanted == null || wanted.toString().isBlank()) {
                continue;
            }
            for (Map<String, Object> candidate : records.all(module)) {
                Object value = candidate.get(field);
                if (value != null && value.toString().equalsIgnoreCase(wanted.toString())) {
                    return new Match(records.get(module, candidate.get("id").toString()), field);
                }
            }
        }
        return null;
    }

    private Map<String, Object> insertOne(CrmModule module, Map<String, Object> input, int index) {
        Map<String, Object> fields = rules.normalize(module, input, index, null, true);
        Map<String, Object> record = new LinkedHashMap<>();
        String id = records.nextId(module);
        String now = ZohoTimestamps.crm(clock.now());
        record.put("id", id);
        record.put("Owner", Map.of("name", USER.get("name"), "id", USER.get("id"), "email", "admin@emulator.local"));
        if (module == CrmModule.DEALS) {
            record.put("Currency", homeCurrency);
            record.put("Exchange_Rate", 1);
        }
        record.putAll(fields);
        record.put("Created_Time", now);
        record.put("Modified_Time", now);
        record.put("Created_By", USER);
        record.put("Modified_By", USER);
        deriveNames(module, record);
        records.put(module, record);
        return record;
    }

    /** Applies the changes; answers the fields whose value changed. */
    private List<String> updateOne(CrmModule module, Map<String, Object> existing, Map<String, Object> input, int index) {
        Map<String, Object> changes = rules.normalize(module, input, index, existing, false);
        List<String> changed = FieldRules.changedFields(existing, changes);
        existing.putAll(changes);
        existing.put("Modified_Time", ZohoTimestamps.crm(clock.now()));
        existing.put("Modified_By", USER);
        deriveNames(module, existing);
        return changed;
    }

    public synchronized WriteOutcome delete(CrmModule module, List<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_RECORDS) {
            throw new CrmException(HttpStatus.BAD_REQUEST, ids.isEmpty() ? "REQUIRED_PARAM_MISSING" : "LIMIT_EXCEEDED",
                    ids.isEmpty() ? "One of the expected parameter is missing" : "the number of records exceeds the limit",
                    ids.isEmpty() ? Map.of("param", "ids") : Map.of("limit", MAX_RECORDS));
        }
        List<RecordResult> results = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (records.remove(module, ids.get(i)) == null) {
                results.add(RecordResult.error("INVALID_DATA", "the id given seems to be invalid", "id", "$.ids[" + i + "]", Map.of()));
            } else {
                deleted.add(ids.get(i));
                results.add(RecordResult.success("record deleted", Map.of("id", ids.get(i))));
            }
        }
        saved(module, "delete", ids.size(), deleted, Map.of(), null);
        return new WriteOutcome(results, HttpStatus.OK);
    }

    private void saved(CrmModule module, String operation, int recordCount, List<String> ids,
            Map<String, List<String>> affected, List<String> trigger) {
        writeLog.record(new CrmWriteLog.CrmWrite(clock.now().toString(), operation, module.apiName(), recordCount,
                ids.size(), List.copyOf(ids), trigger));
        if (!ids.isEmpty()) {
            listeners.forEach(l -> l.recordsChanged(module, operation, List.copyOf(ids), affected, trigger));
        }
    }

    private static List<JsonBody> rows(JsonBody body) {
        if (!body.isList("data") || body.objects("data").isEmpty()) {
            throw new CrmException(HttpStatus.BAD_REQUEST, "MANDATORY_NOT_FOUND", "required field not found",
                    Map.of("api_name", "data", "json_path", "$.data"));
        }
        List<JsonBody> rows = body.objects("data");
        if (rows.size() > MAX_RECORDS) {
            throw new CrmException(HttpStatus.BAD_REQUEST, "LIMIT_EXCEEDED", "the number of records exceeds the limit",
                    Map.of("limit", MAX_RECORDS, "api_name", "data", "json_path", "$.data"));
        }
        return rows;
    }

    private static List<String> trigger(JsonBody body) {
        return body.isList("trigger") ? body.strings("trigger") : null;
    }

    private static void deriveNames(CrmModule module, Map<String, Object> record) {
        if (module == CrmModule.CONTACTS) {
            Object first = record.get("First_Name");
            Object last = record.get("Last_Name");
            record.put("Full_Name", ((first == null ? "" : first + " ") + (last == null ? "" : last)).strip());
        }
    }

    private static Map<String, Object> details(Map<String, Object> record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("Modified_Time", record.get("Modified_Time"));
        details.put("Modified_By", record.get("Modified_By"));
        details.put("Created_Time", record.get("Created_Time"));
        details.put("id", record.get("id"));
        details.put("Created_By", record.get("Created_By"));
        details.put("$approval_state", "approved");
        return details;
    }
}
