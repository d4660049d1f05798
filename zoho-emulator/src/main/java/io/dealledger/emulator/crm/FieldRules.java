package io.dealledger.emulator.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks and normalizes the fields of one record as CRM does: numbers where numbers are due, dates as
 * yyyy-MM-dd, lookups to existing records (stored as {@code {"name":…,"id":…}}), the Deals line-item
 * subform (rows get ids; rows carrying {@code _delete} are removed). Unknown fields are kept as given.
 */
final class FieldRules {

    private static final Set<String> SYSTEM_FIELDS = Set.of("id", "Created_Time", "Modified_Time", "Created_By", "Modified_By");
    private static final Set<String> DATE_FIELDS = Set.of("Closing_Date");

    private final CrmRecords records;
    private final String lineItemsField;

    FieldRules(CrmRecords records, String lineItemsField) {
        this.records = records;
        this.lineItemsField = lineItemsField;
    }

    Map<String, Object> normalize(CrmModule module, Map<String, Object> input, int index, Map<String, Object> existing, boolean inserting) {
        String prefix = "$.data[" + index + "].";
        for (String field : module.mandatory()) {
            boolean blank = input.get(field) == null || input.get(field).toString().isBlank();
            if ((inserting && blank) || (!inserting && input.containsKey(field) && blank)) {
                throw InvalidField.mandatory(field, prefix + field);
            }
        }
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (SYSTEM_FIELDS.contains(field) || field.equals("$append_values")) {
                continue;
            }
            if (value != null && module.decimals().contains(field)) {
                value = decimal(value, field, prefix + field);
            } else if (value != null && DATE_FIELDS.contains(field)) {
                value = date(value, field, prefix + field);
            } else if (value != null && module.lookups().containsKey(field)) {
                value = lookup(CrmModule.of(module.lookups().get(field)), value, field, prefix + field);
            } else if (module == CrmModule.DEALS && field.equals(lineItemsField)) {
                value = rows(value, existing == null ? null : existing.get(field), prefix + field);
            }
            normalized.put(field, value);
        }
        return normalized;
    }

    static List<String> changedFields(Map<String, Object> before, Map<String, Object> changes) {
        List<String> changed = new ArrayList<>();
        changes.forEach((field, value) -> {
            Object old = before.get(field);
            boolean same = old instanceof Number a && value instanceof Number b
                    ? new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0
                    : Objects.equals(old, value);
            if (!same) {
                changed.add(field);
            }
        });
        return changed;
    }

    private static Object decimal(Object value, String field, String path) {
        if (value instanceof Number) {
            return value;
        }
        throw InvalidField.invalid(field, path, Map.of("expected_data_type", "double"));
    }

    private static Object date(Object value, String field, String path) {
        try {
            return LocalDate.parse(value.toString()).toString();
        } catch (DateTimeParseException e) {
            throw InvalidField.invalid(field, path, Map.of("expected_data_type", "date"));
        }
    }

    private Map<String, Object> lookup(CrmModule target, Object value, String field, String path) {
        Object id = value instanceof Map<?, ?> map ? map.get("id") : value;
        Map<String, Object> record = id == null ? null : records.get(target, id.toString());
        if (record == null) {
            throw InvalidField.invalid(field, path, Map.of("expected_data_type", "lookup"));
        }
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("name", record.get(target.nameField()));
        reference.put("id", id.toString());
        return reference;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(Object value, Object existingRows, String path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw InvalidField.invalid(lineItemsField, path, Map.of("expected_data_type", "subform"));
        }
        Map<String, Map<String, Object>> previous = new LinkedHashMap<>();
        if (existingRows instanceof List<?> old) {
            old.forEach(row -> previous.put(((Map<String, Object>) row).get("id").toString(), (Map<String, Object>) row));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> rawRow)) {
                throw InvalidField.invalid(lineItemsField, path + "[" + i + "]", Map.of("expected_data_type", "subform"));
            }
            Map<String, Object> row = (Map<String, Object>) rawRow;
            if (row.containsKey("_delete")) {
                continue;
            }
            Object rowId = row.get("id");
            Map<String, Object> merged = rowId != null && previous.containsKey(rowId.toString())
                    ? new LinkedHashMap<>(previous.get(rowId.toString())) : new LinkedHashMap<>();
            merged.putIfAbsent("id", records.nextRowId());
            for (Map.Entry<String, Object> cell : row.entrySet()) {
                String cellPath = path + "[" + i + "]." + cell.getKey();
                Object cellValue = cell.getValue();
                if (cell.getKey().equals("id")) {
                    continue;
                }
                if (cell.getKey().equals("Product_Name") && cellValue != null) {
                    cellValue = lookup(CrmModule.PRODUCTS, cellValue, cell.getKey(), cellPath);
                } else if (Set.of("Quantity", "List_Price", "Discount", "Unit_Price", "Total").contains(cell.getKey()) && cellValue != null) {
                    cellValue = decimal(cellValue, cell.getKey(), cellPath);
                }
                merged.put(cell.getKey(), cellValue);
            }
            rows.add(merged);
        }
        return rows;
    }
}
