package io.dealledger.ledger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.emulator.seed.SeedIds;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plants data in the emulator through Zoho's own APIs (CRM v7, Books v3), as a person or another app would. */
public final class ZohoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ZohoEmulator zoho;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    public ZohoData(ZohoEmulator zoho) {
        this.zoho = zoho;
    }

    /** Creates {@code count} deals of the Globex account (at most 100); answers their ids. */
    public List<String> createDeals(String name, int count) {
        return createDeals(name, count, SeedIds.ACCOUNT_GLOBEX_CA);
    }

    /** Creates {@code count} deals of {@code accountId} (at most 100); answers their ids. */
    public List<String> createDeals(String name, int count, String accountId) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            data.append(i == 0 ? "" : ",").append("{\"Deal_Name\":\"").append(name).append(' ').append(i)
                    .append("\",\"Stage\":\"Closed Won\",\"Amount\":1000,\"Account_Name\":{\"id\":\"")
                    .append(accountId).append("\"}}");
        }
        return ids(send("POST", "/crm/v7/Deals", "{\"data\":[" + data + "]}"));
    }

    /** Creates a CRM account; answers its id. */
    public String createAccount(String name) {
        return ids(send("POST", "/crm/v7/Accounts", "{\"data\":[{\"Account_Name\":\"" + name + "\"}]}")).get(0);
    }

    /** The Account as CRM holds it. */
    public JsonNode account(String accountId) {
        return send("GET", "/crm/v7/Accounts/" + accountId, null).path("data").path(0);
    }

    /** Changes Account fields in CRM by hand (no dealledger involved). */
    public void editAccount(String accountId, Map<String, Object> fields) {
        Map<String, Object> record = new java.util.LinkedHashMap<>(fields);
        record.put("id", accountId);
        send("PUT", "/crm/v7/Accounts", JSON.writeValueAsString(Map.of("data", List.of(record))));
    }

    /** CRM update calls on Accounts that touched any of {@code accountIds}. */
    public List<JsonNode> accountUpdateCalls(List<String> accountIds) {
        return updateCalls("Accounts", accountIds);
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("data").values().forEach(result -> ids.add(result.path("details").path("id").asString()));
        return ids;
    }

    public void deleteDeal(String dealId) {
        send("DELETE", "/crm/v7/Deals/" + dealId, null);
    }

    /** An untaxed invoice for Globex in the US org, marked sent; answers Books' invoice. */
    public JsonNode createGlobexInvoice(String reference, BigDecimal amount, LocalDate due) {
        String body = "{\"customer_id\":\"" + SeedIds.BOOKS_CONTACT_GLOBEX + "\",\"reference_number\":\"" + reference
                + "\",\"date\":\"" + LocalDate.now() + "\",\"due_date\":\"" + due + "\",\"line_items\":[{\"item_id\":\""
                + SeedIds.BOOKS_ITEM_GRIPPER + "\",\"rate\":" + amount + ",\"quantity\":1}]}";
        return send("POST", "/books/v3/invoices?send=true&organization_id=" + SeedIds.US_ORG_ID, body)
                .path("invoice");
    }

    /** A payment recorded directly in Books, which dealledger is not told about. */
    public void recordPaymentInBooks(String invoiceId, BigDecimal amount) {
        String body = "{\"customer_id\":\"" + SeedIds.BOOKS_CONTACT_GLOBEX + "\",\"payment_mode\":\"banktransfer\","
                + "\"amount\":" + amount + ",\"date\":\"" + LocalDate.now() + "\",\"invoices\":[{\"invoice_id\":\""
                + invoiceId + "\",\"amount_applied\":" + amount + "}]}";
        send("POST", "/books/v3/customerpayments?organization_id=" + SeedIds.US_ORG_ID, body);
    }

    /** The Deal as CRM holds it. */
    public JsonNode deal(String dealId) {
        return send("GET", "/crm/v7/Deals/" + dealId, null).path("data").path(0);
    }

    /** Changes Deal fields in CRM by hand (no dealledger involved). */
    public void editDeal(String dealId, Map<String, Object> fields) {
        Map<String, Object> record = new java.util.LinkedHashMap<>(fields);
        record.put("id", dealId);
        send("PUT", "/crm/v7/Deals", JSON.writeValueAsString(Map.of("data", List.of(record))));
    }

    /** CRM update calls on Deals that touched any of {@code dealIds}. */
    public List<JsonNode> dealUpdateCalls(List<String> dealIds) {
        return updateCalls("Deals", dealIds);
    }

    private List<JsonNode> updateCalls(String module, List<String> recordIds) {
        List<JsonNode> calls = new ArrayList<>();
        zoho.admin().get("crm/writes?module=" + module).path("writes").values().forEach(write -> {
            boolean ours = write.path("ids").values().stream().anyMatch(id -> recordIds.contains(id.asString()));
            if (ours && "update".equals(write.path("operation").asString(""))) {
                calls.add(write);
            }
        });
        return calls;
    }

    private synchronized String token() {
        if (token == null) {
            token = zoho.accessToken();
        }
        return token;
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(zoho.baseUrl() + path))
                .header("Authorization", "Zoho-oauthtoken " + token())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
