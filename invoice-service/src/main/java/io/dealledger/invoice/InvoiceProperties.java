package io.dealledger.invoice;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.dealledger.invoice.tax.TaxMapping;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How invoice-service pushes invoices (prefix {@code dealledger.invoice}); every default is in
 * application.yml, and a missing or empty setting fails start-up naming its key.
 *
 * @param allowedStages                 deal stages an invoice may be pushed from (e.g. Closed Won)
 * @param organizations                 legal entity (the account's {@code Legal_Entity}) → Books organization id
 * @param defaultOrganization           Books organization id for an account without a legal entity; empty: the one
 *                                      org of {@code organizations} when it names exactly one, else such an account is
 *                                      refused
 * @param organizationsFromCrmVariables also read legal entity → org id and region → tax from CRM Variables, overlaying
 *                                      {@code organizations} and {@code tax}
 * @param crmVariablePrefix             api_name prefix of those variables, every run of non-alphanumerics as one {@code _}:
 *                                      prefix + legal entity ("Acme Robotics Inc." → {@code Books_Org_Acme_Robotics_Inc}),
 *                                      prefix + {@code tax_} + org id + {@code _} + region ({@code Books_Org_tax_10234695_US_OR})
 * @param taxAuthorityCountries         countries (ISO codes) of Books organizations whose taxed invoices need a tax
 *                                      authority (Zoho: US and CA); read from the organization's address
 * @param taxAuthorityRequired          Books org id → whether its taxed invoices need a tax authority, overriding the
 *                                      country (for an org whose address does not say, or says otherwise)
 * @param tax                           Books org id → region key ({@code US-CA}, {@code GB}, {@code IN-KA}) → tax and tax authority
 * @param cacheTtl                      how long customers, items, taxes, currencies and the org itself are trusted without
 *                                      asking Books
 * @param callTimeout                   longest wait for one Zoho call, its retries included (keep it under
 *                                      the consumer's max.poll.interval.ms)
 * @param paymentTermsDays              due date = invoice date + this many days
 * @param markSent                      mark each new invoice as sent (no e-mail) instead of leaving it a draft
 * @param crm                           CRM field API names
 * @param books                         Books custom field API names (each a unique, "Prevent Duplicate Values" field)
 */
@ConfigurationProperties("dealledger.invoice")
public record InvoiceProperties(
        List<String> allowedStages,
        Map<String, String> organizations,
        String defaultOrganization,
        boolean organizationsFromCrmVariables,
        String crmVariablePrefix,
        List<String> taxAuthorityCountries,
        Map<String, Boolean> taxAuthorityRequired,
        Map<String, Map<String, TaxMapping>> tax,
        Duration cacheTtl,
        Duration callTimeout,
        int paymentTermsDays,
        boolean markSent,
        Crm crm,
        Books books) {

    public InvoiceProperties {
        require(allowedStages != null && !allowedStages.isEmpty(), "allowed-stages", "at least one deal stage");
        organizations = organizations == null ? Map.of() : Map.copyOf(organizations);
        defaultOrganization = notBlank(defaultOrganization) ? defaultOrganization.trim() : null;
        require(defaultOrganization == null || defaultOrganization.chars().allMatch(Character::isDigit),
                "default-organization", "a Books organization id (digits), or empty (got " + defaultOrganization + ")");
        require(!organizationsFromCrmVariables || notBlank(crmVariablePrefix), "crm-variable-prefix",
                "the api_name prefix of the CRM Variables naming Books organizations and taxes");
        taxAuthorityCountries = taxAuthorityCountries == null ? List.of() : List.copyOf(taxAuthorityCountries);
        taxAuthorityRequired = taxAuthorityRequired == null ? Map.of() : Map.copyOf(taxAuthorityRequired);
        tax = tax == null ? Map.of() : Map.copyOf(tax);
        require(cacheTtl != null && !cacheTtl.isNegative(), "cache-ttl", "a duration, e.g. 10m");
        require(callTimeout != null && !callTimeout.isNegative() && !callTimeout.isZero(), "call-timeout", "a positive duration, e.g. 2m");
        require(paymentTermsDays >= 0, "payment-terms-days", "zero or more days");
        require(crm != null, "crm.*", "the CRM field names");
        require(books != null, "books.*", "the Books custom field names");
    }

    /**
     * @param lineItemsSubform Deals subform holding the line items (rows: Product_Name lookup, Quantity, List_Price)
     * @param legalEntityField Accounts field naming the legal entity, which picks the Books organization
     * @param customerIdField  Accounts field invoice-service writes the Books customer id to
     * @param itemIdField      Products field invoice-service writes the Books item id to
     * @param skuField         Products field holding the SKU
     */
    public record Crm(String lineItemsSubform, String legalEntityField, String customerIdField, String itemIdField,
                      String skuField) {
        public Crm {
            require(notBlank(lineItemsSubform), "crm.line-items-subform", "a Deals subform API name");
            require(notBlank(legalEntityField), "crm.legal-entity-field", "an Accounts field API name");
            require(notBlank(customerIdField), "crm.customer-id-field", "an Accounts field API name");
            require(notBlank(itemIdField), "crm.item-id-field", "a Products field API name");
            require(notBlank(skuField), "crm.sku-field", "a Products field API name");
        }
    }

    /**
     * @param requestIdField    invoice custom field carrying the request id: the invoice's idempotency key
     * @param dealIdField       invoice custom field carrying the CRM deal id (besides zcrm_potential_id)
     * @param billedAmountField invoice custom field carrying the amount billed before tax, for the uninvoiced check
     * @param accountIdField    contact custom field carrying the CRM account id: one customer per account
     * @param productIdField    item custom field carrying the CRM product id
     */
    public record Books(String requestIdField, String dealIdField, String billedAmountField, String accountIdField,
                        String productIdField) {
        public Books {
            for (String field : new String[] {requestIdField, dealIdField, billedAmountField, accountIdField,
                    productIdField}) {
                require(field != null && field.startsWith("cf_"), "books.*-field",
                        "Books custom field API names starting with cf_ (got " + field + ")");
            }
        }
    }

    /**
     * Where an account without a legal entity is invoiced: the configured default, else the only org configured
     * (one org needs no {@code Legal_Entity}); empty when several orgs are configured and none is the default.
     */
    public Optional<String> organizationWithoutLegalEntity() {
        if (defaultOrganization != null) {
            return Optional.of(defaultOrganization);
        }
        Set<String> orgs = organizations.values().stream().filter(InvoiceProperties::notBlank).map(String::trim)
                .collect(Collectors.toSet());
        return orgs.size() == 1 ? Optional.of(orgs.iterator().next()) : Optional.empty();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean ok, String key, String what) {
        if (!ok) {
            throw new IllegalArgumentException("dealledger.invoice." + key + " must be " + what);
        }
    }
}
