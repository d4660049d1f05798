package io.dealledger.emulator.crm.variables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;

/** {@code /crm/v7/settings/variables}: list (204 when none), get by id or API name, create, update values. */
@RestController
public class VariablesController {

    private final Variables variables;

    public VariablesController(Variables variables) {
        this.variables = variables;
    }

    @GetMapping("/crm/v7/settings/variables")
    public ResponseEntity<Map<String, Object>> list() {
        List<Map<String, Object>> all = variables.all();
        return all.isEmpty() ? ResponseEntity.noContent().build() : ResponseEntity.ok(Map.of("variables", all));
    }

    @GetMapping("/crm/v7/settings/variables/{idOrApiName}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String idOrApiName) {
        Map<String, Object> variable = variables.find(idOrApiName);
        return variable == null ? ResponseEntity.noContent().build()
                : ResponseEntity.ok(Map.of("variables", List.of(new LinkedHashMap<>(variable))));
    }

    @PostMapping("/crm/v7/settings/variables")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String raw) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonBody row : JsonBodies.parse(raw).objects("variables")) {
            String apiName = row.string("api_name", row.string("name"));
            if (apiName == null || apiName.isBlank() || variables.apiNameTaken(apiName)) {
                results.add(result(false, apiName == null ? "MANDATORY_NOT_FOUND" : "DUPLICATE_DATA", Map.of("api_name", "api_name")));
                continue;
            }
            Map<String, Object> created = variables.create(apiName, row.string("name"), row.string("type"), row.raw("value"),
                    row.object("variable_group").string("api_name"), row.string("description"));
            results.add(result(true, "SUCCESS", Map.of("id", created.get("id"))));
        }
        return status(results, HttpStatus.CREATED);
    }

    @PutMapping("/crm/v7/settings/variables")
    public ResponseEntity<Map<String, Object>> update(@RequestBody(required = false) String raw) {
        return update(JsonBodies.parse(raw).objects("variables"), null);
    }

    @PutMapping("/crm/v7/settings/variables/{idOrApiName}")
    public ResponseEntity<Map<String, Object>> updateOne(@PathVariable String idOrApiName, @RequestBody(required = false) String raw) {
        return update(JsonBodies.parse(raw).objects("variables"), idOrApiName);
    }

    private ResponseEntity<Map<String, Object>> update(List<JsonBody> rows, String pathId) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonBody row : rows) {
            String key = pathId != null ? pathId : row.string("id", row.string("api_name"));
            Map<String, Object> variable = key == null ? null : variables.find(key);
            if (variable == null) {
                results.add(result(false, "INVALID_DATA", Map.of("api_name", "id")));
                continue;
            }
            synchronized (variables) {
                variable.put("value", row.raw("value") == null ? null : row.raw("value").toString());
            }
            results.add(result(true, "SUCCESS", Map.of("id", variable.get("id"))));
        }
        return status(results, HttpStatus.OK);
    }

    private static Map<String, Object> result(boolean success, String code, Map<String, Object> details) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("details", details);
        json.put("message", success ? "variable saved successfully" : "invalid data");
        json.put("status", success ? "success" : "error");
        return json;
    }

    private static ResponseEntity<Map<String, Object>> status(List<Map<String, Object>> results, HttpStatus allOk) {
        long ok = results.stream().filter(r -> "success".equals(r.get("status"))).count();
        HttpStatus status = ok == results.size() && !results.isEmpty() ? allOk : ok == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.MULTI_STATUS;
        return ResponseEntity.status(status).body(Map.of("variables", results));
    }
}
