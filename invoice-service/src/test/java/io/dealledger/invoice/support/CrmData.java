package io.dealledger.invoice.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.emulator.seed.SeedIds;

/** CRM records a test makes for itself, with unique names so tests never see each other's data. */
public final class CrmData {

    private CrmData() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String account(String name, String state, String country, String legalEntity) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("Account_Name", name);
        account.put("Billing_City", "Somewhere");
        account.put("Billing_State", state);
        account.put("Billing_Country", country);
        account.put("Legal_Entity", legalEntity);
        return TestZoho.insert("Accounts", account);
    }

    public static String usAccount(String state) {
        return account(unique("Test Co"), state, "United States", SeedIds.LEGAL_ENTITY_US);
    }

    public static String product(String name, String sku, String price) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("Product_Name", name);
        if (sku != null) {
            product.put("Product_Code", sku);
        }
        product.put("Unit_Price", new BigDecimal(price));
        product.put("Taxable", true);
        return TestZoho.insert("Products", product);
    }

    /** A contact person of an account, as CRM holds one. */
    public static String contact(String accountId, String firstName, String lastName, String email) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("First_Name", firstName);
        contact.put("Last_Name", lastName);
        contact.put("Email", email);
        contact.put("Account_Name", Map.of("id", accountId));
        return TestZoho.insert("Contacts", contact);
    }

    /** A deal of {@code accountId} whose contact is {@code contactId}; lines as {@link #deal}. */
    public static String dealWithContact(String contactId, String stage, String amount, String currency,
                                         String accountId, Object... lines) {
        return insertDeal(Map.of("Contact_Name", Map.of("id", contactId)), stage, amount, currency, accountId, lines);
    }

    /** A deal; {@code lines} are {productId, quantity, listPrice} triples. */
    public static String deal(String stage, String amount, String currency, String accountId, Object... lines) {
        return insertDeal(Map.of(), stage, amount, currency, accountId, lines);
    }

    private static String insertDeal(Map<String, Object> extra, String stage, String amount, String currency,
                                     String accountId, Object... lines) {
        Map<String, Object> deal = new LinkedHashMap<>(extra);
        deal.put("Deal_Name", unique("Deal"));
        deal.put("Stage", stage);
        deal.put("Amount", new BigDecimal(amount));
        deal.put("Currency", currency);
        if (accountId != null) {
            deal.put("Account_Name", Map.of("id", accountId));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            rows.add(Map.of("Product_Name", Map.of("id", lines[i]), "Quantity", lines[i + 1],
                    "List_Price", new BigDecimal((String) lines[i + 2])));
        }
        deal.put("Deal_Line_Items", rows);
        return TestZoho.insert("Deals", deal);
    }
}
