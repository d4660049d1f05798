package io.dealledger.emulator.crm.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.reset.Resettable;

/**
 * The field metadata of the seed org's Deals, Accounts, Products and Contacts: the standard fields dealledger reads
 * and the custom fields its setup asks for, each with the {@code api_name}, {@code data_type}, {@code json_type} and
 * {@code custom_field} that {@code GET /crm/v7/settings/fields?module=} answers (shape: zoho/crm-oas
 * {@code v8.0/fields/operations/getFields/examples/response-200-fullexample.md}).
 */
@Component
public class CrmFields implements Resettable {

    /** One field as the metadata lists it. */
    public record Field(String apiName, String label, String dataType, String jsonType, boolean custom) {

        Map<String, Object> toJson(long id) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("api_name", apiName);
            json.put("field_label", label);
            json.put("display_label", label);
            json.put("data_type", dataType);
            json.put("json_type", jsonType);
            json.put("custom_field", custom);
            json.put("id", String.valueOf(id));
            json.put("visible", true);
            json.put("read_only", false);
            json.put("unique", Map.of());
            return json;
        }
    }

    private final Map<String, List<Field>> modules = new ConcurrentHashMap<>();

    public CrmFields() {
        reset();
    }

    /** The module's fields, or null for a module the org does not have. */
    public List<Map<String, Object>> list(String module) {
        List<Field> fields = modules.get(canonical(module));
        if (fields == null) {
            return null;
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            json.add(fields.get(i).toJson(4832675000000900000L + i));
        }
        return json;
    }

    private static String canonical(String module) {
        return module == null ? "" : module.substring(0, 1).toUpperCase(Locale.ROOT) + module.substring(1);
    }

    @Override
    public void reset() {
        modules.put("Deals", List.copyOf(List.of(
                standard("Deal_Name", "Deal Name", "text", "string"),
                standard("Stage", "Stage", "picklist", "string"),
                standard("Amount", "Amount", "currency", "double"),
                standard("Currency", "Currency", "picklist", "string"),
                standard("Account_Name", "Account Name", "lookup", "jsonobject"),
                standard("Contact_Name", "Contact Name", "lookup", "jsonobject"),
                custom("Deal_Line_Items", "Deal Line Items", "subform", "jsonarray"),
                custom("Total_Invoiced", "Total Invoiced", "currency", "double"),
                custom("Total_Paid", "Total Paid", "currency", "double"),
                custom("Total_Credited", "Total Credited", "currency", "double"),
                custom("Outstanding_Balance", "Outstanding Balance", "currency", "double"),
                custom("Overdue_Amount", "Overdue Amount", "currency", "double"),
                custom("Uninvoiced_Amount", "Uninvoiced Amount", "currency", "double"),
                custom("Payment_Status", "Payment Status", "text", "string"),
                custom("Invoice_Id", "Invoice Id", "text", "string"),
                custom("Invoice_URL", "Invoice URL", "text", "string"),
                custom("Invoice_Error", "Invoice Error", "textarea", "string"),
                custom("Last_Payment_Date", "Last Payment Date", "date", "string"))));
        modules.put("Accounts", List.copyOf(List.of(
                standard("Account_Name", "Account Name", "text", "string"),
                standard("Billing_Street", "Billing Street", "text", "string"),
                standard("Billing_City", "Billing City", "text", "string"),
                standard("Billing_State", "Billing State", "text", "string"),
                standard("Billing_Code", "Billing Code", "text", "string"),
                standard("Billing_Country", "Billing Country", "text", "string"),
                custom("Legal_Entity", "Legal Entity", "text", "string"),
                custom("Books_Customer_Id", "Books Customer Id", "text", "string"))));
        modules.put("Products", List.copyOf(List.of(
                standard("Product_Name", "Product Name", "text", "string"),
                standard("Product_Code", "Product Code", "text", "string"),
                standard("Unit_Price", "Unit Price", "currency", "double"),
                standard("Taxable", "Taxable", "boolean", "boolean"),
                custom("Books_Item_Id", "Books Item Id", "text", "string"))));
        modules.put("Contacts", List.copyOf(List.of(
                standard("First_Name", "First Name", "text", "string"),
                standard("Last_Name", "Last Name", "text", "string"),
                standard("Email", "Email", "email", "string"))));
    }

    private static Field standard(String apiName, String label, String dataType, String jsonType) {
        return new Field(apiName, label, dataType, jsonType, false);
    }

    private static Field custom(String apiName, String label, String dataType, String jsonType) {
        return new Field(apiName, label, dataType, jsonType, true);
    }
}
