package io.dealledger.emulator.crm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;

/**
 * {@code /crm/v7/{module}}: insert, update, upsert (≤100, per-record results), get by id, list and related
 * records (both with the {@code fields} parameter v7 requires), search (204 when nothing matches), delete.
 */
@RestController
public class CrmRecordsController {

    private final CrmRecords records;
    private final CrmRecordWriter writer;
    private final CrmRelations relations;

    public CrmRecordsController(CrmRecords records, CrmRecordWriter writer, CrmRelations relations) {
        this.records = records;
        this.writer = writer;
        this.relations = relations;
    }

    @PostMapping("/crm/v7/{module}/upsert")
    public ResponseEntity<Map<String, Object>> upsert(@PathVariable String module, @RequestBody(required = false) String body) {
        return writer.upsert(CrmModule.of(module), JsonBodies.parse(body)).toResponse();
    }

    /** {@code GET /{module}/{id}/{related}?fields=…}: v7 refuses the call without {@code fields}; none is 204. */
    @GetMapping("/crm/v7/{module}/{id}/{related}")
    public ResponseEntity<Map<String, Object>> related(@PathVariable String module, @PathVariable String id,
            @PathVariable String related, @RequestParam Map<String, String> query) {
        CrmModule crmModule = CrmModule.of(module);
        List<String> wanted = requiredFields(query);
        CrmModule relatedModule = relatedModule(related);
        if (records.get(crmModule, id) == null) {
            throw new CrmException(HttpStatus.BAD_REQUEST, "INVALID_DATA", "the id given seems to be invalid",
                    Map.of("resource_path_index", 1));
        }
        List<Map<String, Object>> found = relations.of(crmModule, id, relatedModule).stream()
                .map(r -> only(r, wanted)).toList();
        return page(found, query);
    }

    /** {@code PUT /{module}/{id}/{related}} with {@code data:[{id}]}: associates records with the record's related list. */
    @PutMapping("/crm/v7/{module}/{id}/{related}")
    public ResponseEntity<Map<String, Object>> relate(@PathVariable String module, @PathVariable String id,
            @PathVariable String related, @RequestBody(required = false) String body) {
        CrmModule crmModule = CrmModule.of(module);
        CrmModule relatedModule = relatedModule(related);
        if (records.get(crmModule, id) == null) {
            throw new CrmException(HttpStatus.BAD_REQUEST, "INVALID_DATA", "the id given seems to be invalid",
                    Map.of("resource_path_index", 1));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonBody row : JsonBodies.parse(body).objects("data")) {
            String relatedId = row.string("id");
            if (relatedId == null || records.get(relatedModule, relatedId) == null) {
                results.add(RecordResult.error("INVALID_DATA", "the related id given seems to be invalid", "id",
                        "$.data[" + results.size() + "].id", Map.of()).toJson());
                continue;
            }
            relations.associate(crmModule, id, relatedModule, relatedId);
            results.add(RecordResult.success("relation updated", Map.of("id", relatedId)).toJson());
        }
        return ResponseEntity.ok(Map.of("data", results));
    }

    private static List<String> requiredFields(Map<String, String> query) {
        String fields = query.get("fields");
        if (fields == null || fields.isBlank()) {
            throw new CrmException(HttpStatus.BAD_REQUEST, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    Map.of("param", "fields"));
        }
        return Arrays.stream(fields.split(",")).map(String::strip).toList();
    }

    private static CrmModule relatedModule(String related) {
        return CrmModule.find(related).orElseThrow(() -> new CrmException(HttpStatus.BAD_REQUEST, "INVALID_DATA",
                "the relation name given seems to be invalid", Map.of("resource_path_index", 2)));
    }

    @PostMapping("/crm/v7/{module}")
    public ResponseEntity<Map<String, Object>> insert(@PathVariable String module, @RequestBody(required = false) String body) {
        return writer.insert(CrmModule.of(module), JsonBodies.parse(body)).toResponse();
    }

    @PutMapping("/crm/v7/{module}")
    public ResponseEntity<Map<String, Object>> update(@PathVariable String module, @RequestBody(required = false) String body) {
        return writer.update(CrmModule.of(module), JsonBodies.parse(body)).toResponse();
    }

    @PutMapping("/crm/v7/{module}/{id}")
    public ResponseEntity<Map<String, Object>> updateOne(@PathVariable String module, @PathVariable String id,
            @RequestBody(required = false) String body) {
        JsonBody parsed = JsonBodies.parse(body);
        parsed.objects("data").forEach(row -> row.asMap().put("id", id));
        return writer.update(CrmModule.of(module), parsed).toResponse();
    }

    @DeleteMapping("/crm/v7/{module}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String module, @RequestParam(required = false) String ids) {
        List<String> list = ids == null ? List.of() : Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return writer.delete(CrmModule.of(module), list).toResponse();
    }

    @DeleteMapping("/crm/v7/{module}/{id}")
    public ResponseEntity<Map<String, Object>> deleteOne(@PathVariable String module, @PathVariable String id) {
        return writer.delete(CrmModule.of(module), List.of(id)).toResponse();
    }

    @GetMapping("/crm/v7/{module}/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String module, @PathVariable String id) {
        Map<String, Object> record = records.get(CrmModule.of(module), id);
        if (record == null) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok(Map.of("data", List.of(CrmRecords.copy(record))));
    }

    @GetMapping("/crm/v7/{module}")
    public ResponseEntity<Map<String, Object>> list(@PathVariable String module, @RequestParam Map<String, String> query) {
        CrmModule crmModule = CrmModule.of(module);
        List<String> wanted = requiredFields(query);
        List<Map<String, Object>> all = records.all(crmModule).stream().map(r -> only(r, wanted)).toList();
        return page(sorted(all, query), query);
    }

    @GetMapping("/crm/v7/{module}/search")
    public ResponseEntity<Map<String, Object>> search(@PathVariable String module, @RequestParam Map<String, String> query) {
        CrmModule crmModule = CrmModule.of(module);
        Predicate<Map<String, Object>> filter = filter(query);
        return page(records.all(crmModule).stream().filter(filter).toList(), query);
    }

    private static Predicate<Map<String, Object>> filter(Map<String, String> query) {
        if (query.get("criteria") != null) {
            return Criteria.parse(query.get("criteria"));
        }
        if (query.get("email") != null) {
            return r -> query.get("email").equalsIgnoreCase(String.valueOf(r.get("Email")));
        }
        if (query.get("phone") != null) {
            return r -> query.get("phone").equals(String.valueOf(r.get("Phone")));
        }
        if (query.get("word") != null) {
            String word = query.get("word").toLowerCase(Locale.ROOT);
            return r -> r.values().stream().anyMatch(v -> v != null && v.toString().toLowerCase(Locale.ROOT).contains(word));
        }
        throw new CrmException(HttpStatus.BAD_REQUEST, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                Map.of("param", "criteria"));
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> all, Map<String, String> query) {
        String sortBy = query.get("sort_by");
        if (sortBy == null) {
            return all;
        }
        Comparator<Map<String, Object>> order = Comparator.comparing(r -> String.valueOf(r.get(sortBy)));
        return all.stream().sorted("desc".equalsIgnoreCase(query.get("sort_order")) ? order.reversed() : order).toList();
    }

    private static Map<String, Object> only(Map<String, Object> record, List<String> fields) {
        Map<String, Object> projected = new LinkedHashMap<>();
        projected.put("id", record.get("id"));
        // every field asked for is in the answer, null when the record has no value (as CRM answers)
        fields.forEach(field -> projected.put(field, record.get(field)));
        return projected;
    }

    private static ResponseEntity<Map<String, Object>> page(List<Map<String, Object>> all, Map<String, String> query) {
        int page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int perPage = Math.min(200, Math.max(1, Integer.parseInt(query.getOrDefault("per_page", "200"))));
        int from = Math.min((page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        if (from == to) {
            return ResponseEntity.noContent().build();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("per_page", perPage);
        info.put("count", to - from);
        info.put("page", page);
        info.put("sort_by", query.getOrDefault("sort_by", "id"));
        info.put("sort_order", query.getOrDefault("sort_order", "desc"));
        info.put("more_records", to < all.size());
        info.put("next_page_token", null);
        info.put("previous_page_token", null);
        info.put("page_token_expiry", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", all.subList(from, to));
        body.put("info", info);
        return ResponseEntity.ok(body);
    }
}
