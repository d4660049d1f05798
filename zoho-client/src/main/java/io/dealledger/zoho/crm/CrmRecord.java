package io.dealledger.zoho.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A CRM record as Zoho returns it: standard and custom fields by API name, lookups as {name, id}
 * objects, subforms as arrays of rows.
 */
public record CrmRecord(JsonNode fields) {

    public String id() {
        return string("id");
    }

    public String string(String apiName) {
        JsonNode value = fields.path(apiName);
        if (value.isMissingNode() || value.isNull() || value.isObject() || value.isArray()) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    public BigDecimal decimal(String apiName) {
        JsonNode value = fields.path(apiName);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = string(apiName);
        return text == null ? null : new BigDecimal(text.trim());
    }

    /** The id of a lookup field ({@code "Account_Name": {"name": "Zylker", "id": "…"}}), or null. */
    public String lookupId(String apiName) {
        return text(fields.path(apiName).path("id"));
    }

    public String lookupName(String apiName) {
        return text(fields.path(apiName).path("name"));
    }

    /** Rows of a subform (e.g. a Deals line-item subform); empty when absent. */
    public List<CrmRecord> subform(String apiName) {
        List<CrmRecord> rows = new ArrayList<>();
        fields.path(apiName).values().forEach(row -> rows.add(new CrmRecord(row)));
        return rows;
    }

    public boolean has(String apiName) {
        return fields.has(apiName) && !fields.path(apiName).isNull();
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
