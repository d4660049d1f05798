package io.dealledger.emulator.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.books.contact.ContactService;
import io.dealledger.emulator.books.currency.Currencies;
import io.dealledger.emulator.books.invoice.InvoiceService;
import io.dealledger.emulator.books.item.ItemService;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.books.tax.TaxService;
import io.dealledger.emulator.crm.CrmModule;
import io.dealledger.emulator.crm.CrmRecordWriter;
import io.dealledger.emulator.crm.variables.Variables;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.webhooks.BooksEvents;

import static io.dealledger.emulator.seed.SeedIds.*;

/**
 * The default data set: a Books org in the U.S.A (USD base, EUR/GBP/CAD enabled, state sales taxes with their
 * authorities) and one in the UK (GBP base, EUR/USD enabled, VAT 20%), and CRM accounts, contacts, products and
 * deals. Loaded through the same services
 * the API uses, in a fixed order, so ids match {@link SeedIds}.
 */
@Component
public class DefaultDataSet {

    private final Organizations organizations;
    private final Currencies currencies;
    private final TaxService taxes;
    private final ContactService contacts;
    private final ItemService items;
    private final InvoiceService invoices;
    private final CrmRecordWriter crm;
    private final Variables variables;
    private final BooksEvents events;
    private final String lineItemsField;

    public DefaultDataSet(Organizations organizations, Currencies currencies, TaxService taxes, ContactService contacts,
            ItemService items, InvoiceService invoices, CrmRecordWriter crm, Variables variables, BooksEvents events,
            EmulatorProperties properties) {
        this.organizations = organizations;
        this.currencies = currencies;
        this.taxes = taxes;
        this.contacts = contacts;
        this.items = items;
        this.invoices = invoices;
        this.crm = crm;
        this.variables = variables;
        this.events = events;
        this.lineItemsField = properties.crm().dealLineItemsField();
    }

    public void load() {
        events.silently(() -> {
            loadBooks();
            loadCrm();
        });
    }

    private void loadBooks() {
        organizations.register(new BooksOrganization(US_ORG_ID, "Acme Robotics Inc.", "U.S.A", "USD",
                CURRENCY_US_USD, ZoneId.of("America/Los_Angeles")));
        organizations.register(new BooksOrganization(UK_ORG_ID, "Acme Robotics Ltd", "United Kingdom", "GBP",
                CURRENCY_UK_GBP, ZoneId.of("Europe/London")));
        // Books' own rates to each base currency, as Settings → Currencies holds them
        currency(US_ORG_ID, CURRENCY_US_EUR, "EUR", "1.0850");
        currency(US_ORG_ID, CURRENCY_US_GBP, "GBP", "1.2700");
        currency(US_ORG_ID, CURRENCY_US_CAD, "CAD", "0.7400");
        currency(UK_ORG_ID, CURRENCY_UK_EUR, "EUR", "0.8550");
        currency(UK_ORG_ID, CURRENCY_UK_USD, "USD", "0.7870");
        authority("California Department of Tax and Fee Administration");
        authority("New York State Department of Taxation and Finance");
        authority("Texas Comptroller of Public Accounts");
        authority("Washington State Department of Revenue");
        tax(US_ORG_ID, "CA Sales Tax", "7.25", TAX_AUTHORITY_CA);
        tax(US_ORG_ID, "NY Sales Tax", "4", TAX_AUTHORITY_NY);
        tax(US_ORG_ID, "TX Sales Tax", "6.25", TAX_AUTHORITY_TX);
        tax(US_ORG_ID, "WA Sales Tax", "6.5", TAX_AUTHORITY_WA);
        tax(UK_ORG_ID, "VAT Standard Rate", "20", null);
        tax(UK_ORG_ID, "VAT Zero Rate", "0", null);
        contacts.create(US_ORG_ID, body("contact_name", "Globex Corporation", "company_name", "Globex Corporation",
                "email", "ap@globex.example", "tax_authority_id", TAX_AUTHORITY_CA,
                "billing_address", Map.of("city", "Los Angeles", "state", "CA", "country", "U.S.A"),
                "custom_fields", List.of(Map.of("api_name", "cf_crm_account_id", "value", ACCOUNT_GLOBEX_CA))));
        contacts.create(US_ORG_ID, body("contact_name", "Soylent Corp", "company_name", "Soylent Corp",
                "email", "billing@soylent.example", "tax_authority_id", TAX_AUTHORITY_NY,
                "billing_address", Map.of("city", "New York", "state", "NY", "country", "U.S.A")));
        contacts.create(UK_ORG_ID, body("contact_name", "Initech UK Ltd", "company_name", "Initech UK Ltd",
                "email", "accounts@initech.example", "billing_address", Map.of("city", "London", "country", "United Kingdom")));
        items.create(US_ORG_ID, body("name", "Robot Arm", "sku", "RA-100", "rate", new BigDecimal("12000.00")));
        items.create(US_ORG_ID, body("name", "Gripper", "sku", "GR-200", "rate", new BigDecimal("1500.00")));
        items.create(US_ORG_ID, body("name", "Servo Motor", "sku", BOOKS_ITEM_SERVO_TRAP_SKU, "rate", new BigDecimal("450.00")));
        items.create(UK_ORG_ID, body("name", "Robot Arm", "sku", "RA-100", "rate", new BigDecimal("9500.00")));
        invoices.create(US_ORG_ID, body("customer_id", BOOKS_CONTACT_SOYLENT, "reference_number", "PO-7781",
                "payment_terms", 30, "line_items", List.of(Map.of("item_id", BOOKS_ITEM_GRIPPER, "quantity", 2, "tax_id", TAX_NY))),
                true, false);
    }

    private void loadCrm() {
        insert(CrmModule.ACCOUNTS,
                account("Globex Corporation", "Los Angeles", "CA", "United States", LEGAL_ENTITY_US),
                account("Soylent Corp", "New York", "NY", "United States", LEGAL_ENTITY_US),
                account("Initech UK Ltd", "London", "", "United Kingdom", LEGAL_ENTITY_UK),
                account("Umbrella Texas LLC", "Austin", "TX", "United States", LEGAL_ENTITY_US),
                account("Cyberdyne Systems", "Seattle", "WA", "United States", LEGAL_ENTITY_US));
        insert(CrmModule.CONTACTS,
                Map.of("First_Name", "Jane", "Last_Name", "Smith", "Email", "jane.smith@globex.example", "Account_Name", ref(ACCOUNT_GLOBEX_CA)),
                Map.of("First_Name", "Sam", "Last_Name", "Jones", "Email", "sam.jones@soylent.example", "Account_Name", ref(ACCOUNT_SOYLENT_NY)),
                Map.of("First_Name", "Peter", "Last_Name", "Gibbons", "Email", "peter@initech.example", "Account_Name", ref(ACCOUNT_INITECH_UK)),
                Map.of("First_Name", "Ada", "Last_Name", "Lovelace", "Email", "ada@umbrella.example", "Account_Name", ref(ACCOUNT_UMBRELLA_TX)));
        insert(CrmModule.PRODUCTS,
                product("Robot Arm", "RA-100", "12000.00"),
                product("Gripper", "GR-200", "1500.00"),
                product("Servo Motor", "SV-300", "450.00"),
                product("Installation Service", "SVC-INSTALL", "2000.00"));
        insert(CrmModule.DEALS,
                deal("Globex - Robot cell", "Closed Won", "16800.00", "USD", ACCOUNT_GLOBEX_CA, CONTACT_JANE_GLOBEX,
                        line(PRODUCT_ROBOT_ARM, 1, "12000.00"), line(PRODUCT_GRIPPER, 2, "1500.00"), line(PRODUCT_SERVO, 4, "450.00")),
                deal("Soylent - pilot", "Negotiation/Review", "3000.00", "USD", ACCOUNT_SOYLENT_NY, CONTACT_SAM_SOYLENT,
                        line(PRODUCT_GRIPPER, 2, "1500.00")),
                deal("Initech - UK rollout", "Closed Won", "9500.00", "GBP", ACCOUNT_INITECH_UK, CONTACT_PETER_INITECH,
                        line(PRODUCT_ROBOT_ARM, 1, "9500.00")),
                deal("Umbrella - Texas installation", "Closed Won", "2000.00", "USD", ACCOUNT_UMBRELLA_TX, CONTACT_ADA_UMBRELLA,
                        line(PRODUCT_INSTALLATION, 1, "2000.00")),
                deal("Walk-in - no account", "Closed Won", "1000.00", "USD", null, null));
        variables.create(VARIABLE_ORG_US, "Books org of Acme Robotics Inc.", "text", US_ORG_ID, "dealledger", "Legal entity " + LEGAL_ENTITY_US);
        variables.create(VARIABLE_ORG_UK, "Books org of Acme Robotics Ltd", "text", UK_ORG_ID, "dealledger", "Legal entity " + LEGAL_ENTITY_UK);
    }

    private void currency(String orgId, String currencyId, String code, String rate) {
        currencies.add(orgId, currencyId, code, new BigDecimal(rate), LocalDate.of(2026, 1, 1));
    }

    private void authority(String name) {
        taxes.createAuthority(US_ORG_ID, body("tax_authority_name", name));
    }

    private void tax(String orgId, String name, String percentage, String authorityId) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("tax_name", name, "tax_percentage", new BigDecimal(percentage)));
        if (authorityId != null) {
            values.put("tax_authority_id", authorityId);
        }
        taxes.createTax(orgId, new JsonBody(values));
    }

    @SafeVarargs
    private void insert(CrmModule module, Map<String, Object>... records) {
        // the seed is the org's data, not a user's edit: it runs no workflow rule (no Deals webhook at start)
        crm.insert(module, new JsonBody(new LinkedHashMap<>(Map.of("data", List.of(records), "trigger", List.of()))));
    }

    private static Map<String, Object> account(String name, String city, String state, String country, String legalEntity) {
        return Map.of("Account_Name", name, "Billing_City", city, "Billing_State", state, "Billing_Country", country,
                "Legal_Entity", legalEntity);
    }

    private static Map<String, Object> product(String name, String code, String price) {
        return Map.of("Product_Name", name, "Product_Code", code, "Unit_Price", new BigDecimal(price), "Product_Active", true,
                "Taxable", true);
    }

    @SafeVarargs
    private final Map<String, Object> deal(String name, String stage, String amount, String currency, String accountId,
            String contactId, Map<String, Object>... lines) {
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("Deal_Name", name);
        deal.put("Stage", stage);
        deal.put("Amount", new BigDecimal(amount));
        deal.put("Currency", currency);
        deal.put("Closing_Date", "2026-01-15");
        if (accountId != null) {
            deal.put("Account_Name", ref(accountId));
        }
        if (contactId != null) {
            deal.put("Contact_Name", ref(contactId));
        }
        deal.put(lineItemsField, List.of(lines));
        return deal;
    }

    private static Map<String, Object> line(String productId, int quantity, String listPrice) {
        return Map.of("Product_Name", ref(productId), "Quantity", quantity, "List_Price", new BigDecimal(listPrice));
    }

    private static Map<String, Object> ref(String id) {
        return Map.of("id", id);
    }

    private static JsonBody body(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new JsonBody(values);
    }
}
