package io.dealledger.emulator.books.tax;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tax rate; in a US or Canadian org it belongs to a tax authority (the state's revenue department). */
public record Tax(String taxId, String taxName, BigDecimal taxPercentage, String taxType, String taxAuthorityId,
        String taxAuthorityName, String country) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tax_id", taxId);
        json.put("tax_name", taxName);
        json.put("tax_percentage", taxPercentage);
        json.put("tax_type", taxType);
        json.put("tax_factor", "rate");
        json.put("tax_specific_type", "");
        json.put("tax_authority_id", taxAuthorityId == null ? "" : taxAuthorityId);
        json.put("tax_authority_name", taxAuthorityName == null ? "" : taxAuthorityName);
        json.put("tax_account_id", "");
        json.put("output_tax_account_name", "");
        json.put("purchase_tax_account_id", "");
        json.put("purchase_tax_account_name", "");
        json.put("country", country == null ? "" : country);
        json.put("is_value_added", false);
        json.put("is_default_tax", false);
        json.put("is_editable", true);
        return json;
    }
}
