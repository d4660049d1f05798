package io.dealledger.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What dealledger writes to Books, typed; serialized with Books' field names. */
public final class BooksRequests {

    private BooksRequests() {
    }

    public record Address(String street, String city, String state, String zip, String country) {
        void writeTo(ObjectNode node) {
            putIfSet(node, "address", street);
            putIfSet(node, "city", city);
            putIfSet(node, "state", state);
            putIfSet(node, "zip", zip);
            putIfSet(node, "country", country);
        }
    }

    /** A person at the customer; the primary one receives the invoices Books e-mails. */
    public record ContactPerson(String firstName, String lastName, String email) {
    }

    /**
     * A customer; {@code customFields} by api_name (e.g. cf_crm_account_id); {@code primaryPerson} may be null.
     * {@code currencyId} is Books' id of the customer's currency ({@code GET /settings/currencies}): Books takes
     * {@code currency_id}, not a code, and bills the customer's invoices in it; null leaves the org's base currency.
     */
    public record NewContact(String contactName, String companyName, String currencyId, Address billingAddress,
                             Map<String, String> customFields, ContactPerson primaryPerson) {

        public NewContact(String contactName, String companyName, String currencyId, Address billingAddress,
                          Map<String, String> customFields) {
            this(contactName, companyName, currencyId, billingAddress, customFields, null);
        }

        String toJson(JsonMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("contact_name", contactName);
            putIfSet(node, "company_name", companyName);
            node.put("contact_type", "customer");
            putIfSet(node, "currency_id", currencyId);
            if (billingAddress != null) {
                billingAddress.writeTo(node.putObject("billing_address"));
            }
            if (primaryPerson != null) {
                // the person's e-mail is the customer's: Books documents no e-mail of its own on a new contact
                ObjectNode person = node.putArray("contact_persons").addObject();
                putIfSet(person, "first_name", primaryPerson.firstName());
                putIfSet(person, "last_name", primaryPerson.lastName());
                putIfSet(person, "email", primaryPerson.email());
                person.put("is_primary_contact", true);
            }
            writeCustomFields(node, customFields);
            return node.toString();
        }
    }

    public record NewItem(String name, String sku, BigDecimal rate, String description, String productType,
                          Map<String, String> customFields) {
        String toJson(JsonMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("name", name);
            putIfSet(node, "sku", sku);
            if (rate != null) {
                node.put("rate", rate);
            }
            putIfSet(node, "description", description);
            putIfSet(node, "product_type", productType);
            writeCustomFields(node, customFields);
            return node.toString();
        }
    }

    public record LineItem(String itemId, String name, String description, BigDecimal rate, BigDecimal quantity,
                           String taxId) {
    }

    /**
     * An invoice. {@code taxAuthorityId} is required by US and Canadian orgs when a line is taxed;
     * {@code zcrmPotentialId} ties it to the CRM deal. {@code currencyId} is Books' id of the invoice's currency
     * (the customer's), {@code exchangeRate} Books' own rate of it to the base currency (null: let Books apply it).
     */
    public record NewInvoice(String customerId, String referenceNumber, LocalDate date, LocalDate dueDate,
                             String currencyId, BigDecimal exchangeRate, String zcrmPotentialId, String taxAuthorityId,
                             String notes, List<LineItem> lineItems, Map<String, String> customFields) {
        String toJson(JsonMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("customer_id", customerId);
            putIfSet(node, "reference_number", referenceNumber);
            if (date != null) {
                node.put("date", date.toString());
            }
            if (dueDate != null) {
                node.put("due_date", dueDate.toString());
            }
            putIfSet(node, "currency_id", currencyId);
            if (exchangeRate != null) {
                node.put("exchange_rate", exchangeRate);
            }
            putIfSet(node, "zcrm_potential_id", zcrmPotentialId);
            putIfSet(node, "tax_authority_id", taxAuthorityId);
            putIfSet(node, "notes", notes);
            ArrayNode lines = node.putArray("line_items");
            for (LineItem line : lineItems) {
                ObjectNode item = lines.addObject();
                putIfSet(item, "item_id", line.itemId());
                putIfSet(item, "name", line.name());
                putIfSet(item, "description", line.description());
                item.put("rate", line.rate());
                item.put("quantity", line.quantity());
                putIfSet(item, "tax_id", line.taxId());
            }
            writeCustomFields(node, customFields);
            return node.toString();
        }
    }

    private static void writeCustomFields(ObjectNode node, Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return;
        }
        ArrayNode array = node.putArray("custom_fields");
        fields.forEach((apiName, value) -> array.addObject().put("api_name", apiName).put("value", value));
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
