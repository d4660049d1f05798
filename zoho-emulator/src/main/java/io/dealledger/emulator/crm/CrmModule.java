package io.dealledger.emulator.crm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * The CRM modules served, with what Zoho's standard layout makes mandatory, the lookups it checks and
 * the field that names a record inside a lookup. Any other field is stored as given (custom fields).
 */
public enum CrmModule {
    ACCOUNTS("Accounts", 5725767000000100000L, "Account_Name", List.of("Account_Name"), Map.of(), List.of()),
    CONTACTS("Contacts", 5725767000000200000L, "Full_Name", List.of("Last_Name"), Map.of("Account_Name", "Accounts"), List.of()),
    PRODUCTS("Products", 5725767000000300000L, "Product_Name", List.of("Product_Name"), Map.of(), List.of("Unit_Price", "Qty_in_Stock")),
    DEALS("Deals", 5725767000000400000L, "Deal_Name", List.of("Deal_Name", "Stage"),
            Map.of("Account_Name", "Accounts", "Contact_Name", "Contacts"), List.of("Amount", "Probability", "Exchange_Rate", "Expected_Revenue"));

    private final String apiName;
    private final long idBase;
    private final String nameField;
    private final List<String> mandatory;
    private final Map<String, String> lookups;
    private final List<String> decimals;

    CrmModule(String apiName, long idBase, String nameField, List<String> mandatory, Map<String, String> lookups, List<String> decimals) {
        this.apiName = apiName;
        this.idBase = idBase;
        this.nameField = nameField;
        this.mandatory = mandatory;
        this.lookups = lookups;
        this.decimals = decimals;
    }

    public static CrmModule of(String apiName) {
        return find(apiName).orElseThrow(() -> new CrmException(HttpStatus.BAD_REQUEST, "INVALID_MODULE",
                "the module name given seems to be invalid", Map.of("resource_path_index", 0)));
    }

    public static Optional<CrmModule> find(String apiName) {
        return Arrays.stream(values()).filter(m -> m.apiName.equalsIgnoreCase(apiName)).findFirst();
    }

    public String apiName() {
        return apiName;
    }

    long idBase() {
        return idBase;
    }

    public String nameField() {
        return nameField;
    }

    List<String> mandatory() {
        return mandatory;
    }

    Map<String, String> lookups() {
        return lookups;
    }

    List<String> decimals() {
        return decimals;
    }

    /** The fields CRM checks for duplicates on upsert when the request names none (a module's unique fields). */
    List<String> duplicateCheckFields() {
        return switch (this) {
            case ACCOUNTS -> List.of("Account_Name");
            case CONTACTS -> List.of("Email");
            case PRODUCTS -> List.of("Product_Code", "Product_Name");
            case DEALS -> List.of("Deal_Name");
        };
    }
}
