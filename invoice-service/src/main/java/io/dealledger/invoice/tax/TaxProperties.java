package io.dealledger.invoice.tax;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tax table and which organizations need a tax authority (prefix {@code dealledger.invoice}); every default is
 * in application.yml. Whether CRM Variables overlay the table, and their prefix, are {@code RoutingProperties}'.
 *
 * @param taxAuthorityCountries countries (ISO codes) of Books organizations whose taxed invoices need a tax
 *                              authority (Zoho: US and CA); read from the organization's address
 * @param taxAuthorityRequired  Books org id → whether its taxed invoices need a tax authority, overriding the
 *                              country (for an org whose address does not say, or says otherwise)
 * @param tax                   Books org id → region key ({@code US-CA}, {@code GB}, {@code IN-KA}) → tax and tax
 *                              authority
 */
@ConfigurationProperties("dealledger.invoice")
public record TaxProperties(
        List<String> taxAuthorityCountries,
        Map<String, Boolean> taxAuthorityRequired,
        Map<String, Map<String, TaxMapping>> tax) {

    public TaxProperties {
        taxAuthorityCountries = taxAuthorityCountries == null ? List.of() : List.copyOf(taxAuthorityCountries);
        taxAuthorityRequired = taxAuthorityRequired == null ? Map.of() : Map.copyOf(taxAuthorityRequired);
        tax = tax == null ? Map.of() : Map.copyOf(tax);
    }
}
