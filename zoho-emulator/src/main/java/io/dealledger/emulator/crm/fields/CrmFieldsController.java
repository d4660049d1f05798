package io.dealledger.emulator.crm.fields;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /crm/v7/settings/fields?module=Deals}: a module's field metadata, as Zoho publishes it (zoho/crm-oas
 * {@code v8.0/fields/operations/getFields}); an unknown module answers 400 {@code INVALID_MODULE}.
 */
@RestController
public class CrmFieldsController {

    private final CrmFields fields;

    public CrmFieldsController(CrmFields fields) {
        this.fields = fields;
    }

    @GetMapping("/crm/v7/settings/fields")
    public ResponseEntity<Map<String, Object>> list(@RequestParam(value = "module", required = false) String module) {
        List<Map<String, Object>> listed = fields.list(module);
        if (listed == null) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("code", "INVALID_MODULE", "details",
                    Map.of("resource_path_index", 0), "message", "the module name given seems to be invalid",
                    "status", "error"));
        }
        return ResponseEntity.ok(Map.of("fields", listed));
    }
}
