package io.dealledger.emulator.books.tax;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tax authority of a US or Canadian organization, e.g. "California Department of Tax and Fee Administration". */
public record TaxAuthority(String taxAuthorityId, String taxAuthorityName, String description) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tax_authority_id", taxAuthorityId);
        json.put("tax_authority_name", taxAuthorityName);
        json.put("description", description == null ? "" : description);
        json.put("registration_number", "");
        json.put("registration_number_label", "");
        return json;
    }
}
