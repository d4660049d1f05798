package io.dealledger.system;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Zoho's own APIs (here served by the emulator), as a Books user's actions reach them: payments, credit
 * notes, refunds, write-offs and invoices created directly in Books; and CRM Deal fields read back.
 */
final class ZohoApi {

    private final Http http = new Http();
    private final String baseUrl;
    private final String tokenForm;
    private volatile String token;

    /** Gets an access token with the OAuth refresh-token grant, as any Zoho client does. */
    ZohoApi(String baseUrl, String clientId, String clientSecret, String refreshToken) {
        this.baseUrl = baseUrl;
        this.tokenForm = "grant_type=refresh_token&client_id=" + enc(clientId) + "&client_secret="
                + enc(clientSecret) + "&refresh_token=" + enc(refreshToken);
        this.token = newToken();
    }

    /** A fresh access token: at start, and when Zoho says the one in use expired (an hour, or the clock moved). */
    private String newToken() {
        return http.send("POST", baseUrl + "/oauth/v2/token", tokenForm,
                Map.of("Content-Type", "application/x-www-form-urlencoded")).expect(200).body()
                .path("access_token").asString();
    }

    JsonNode invoice(String org, String invoiceId) {
        return books("GET", org, "/invoices/" + invoiceId, null).expect(200).body().path("invoice");
    }

    String recordPayment(String org, String customerId, String invoiceId, BigDecimal amount) {
        String body = "{\"customer_id\":\"" + customerId + "\",\"payment_mode\":\"banktransfer\",\"amount\":" + amount
                + ",\"date\":\"" + LocalDate.now() + "\",\"invoices\":[{\"invoice_id\":\"" + invoiceId
                + "\",\"amount_applied\":" + amount + "}]}";
        return books("POST", org, "/customerpayments", body).expect(201).body().path("payment").path("payment_id").asString();
    }

    String createCreditNote(String org, String customerId, BigDecimal amount) {
        String body = "{\"customer_id\":\"" + customerId + "\",\"date\":\"" + LocalDate.now()
                + "\",\"line_items\":[{\"name\":\"Goodwill credit\",\"rate\":" + amount + ",\"quantity\":1}]}";
        return books("POST", org, "/creditnotes", body).expect(201).body().path("creditnote").path("creditnote_id").asString();
    }

    void applyCredit(String org, String creditNoteId, String invoiceId, BigDecimal amount) {
        books("POST", org, "/creditnotes/" + creditNoteId + "/invoices", "{\"invoices\":[{\"invoice_id\":\""
                + invoiceId + "\",\"amount_applied\":" + amount + "}]}").expect(200);
    }

    void refundCredit(String org, String creditNoteId, BigDecimal amount) {
        books("POST", org, "/creditnotes/" + creditNoteId + "/refunds", "{\"date\":\"" + LocalDate.now()
                + "\",\"refund_mode\":\"banktransfer\",\"amount\":" + amount + "}").expect(201);
    }

    void writeOff(String org, String invoiceId) {
        books("POST", org, "/invoices/" + invoiceId + "/writeoff", null).expect(200);
    }

    /** An invoice typed straight into Books, not pushed by dealledger. */
    JsonNode createInvoice(String org, String customerId, String itemId, BigDecimal rate) {
        String body = "{\"customer_id\":\"" + customerId + "\",\"date\":\"" + LocalDate.now() + "\",\"due_date\":\""
                + LocalDate.now().plusDays(30) + "\",\"line_items\":[{\"item_id\":\"" + itemId + "\",\"rate\":" + rate
                + ",\"quantity\":1}]}";
        JsonNode invoice = books("POST", org, "/invoices", body).expect(201).body().path("invoice");
        books("POST", org, "/invoices/" + invoice.path("invoice_id").asString() + "/status/sent", null).expect(200);
        return invoice;
    }

    /**
     * An invoice typed straight into Books for a customer, naming a CRM deal in {@code zcrm_potential_id} as
     * Zoho's Finance integration and Books users do (null: none), due on {@code dueDate}, marked sent.
     */
    JsonNode createInvoice(String org, String customerId, String itemId, BigDecimal rate, String dealId,
                           LocalDate dueDate) {
        String body = "{\"customer_id\":\"" + customerId + "\",\"date\":\"" + LocalDate.now().minusDays(40)
                + "\",\"due_date\":\"" + dueDate + "\"" + (dealId == null ? "" : ",\"zcrm_potential_id\":\""
                + dealId + "\"") + ",\"line_items\":[{\"item_id\":\"" + itemId + "\",\"rate\":" + rate
                + ",\"quantity\":1}]}";
        JsonNode invoice = books("POST", org, "/invoices", body).expect(201).body().path("invoice");
        books("POST", org, "/invoices/" + invoice.path("invoice_id").asString() + "/status/sent", null).expect(200);
        return invoice;
    }

    /** Any Books user's action, answered as Books answers it (a refusal included: Books' rules decide). */
    Http.Answer booksUser(String method, String org, String path, String body) {
        return books(method, org, path, body);
    }

    /** A CRM user's edit of a record. */
    void updateRecord(String module, String id, String recordJson) {
        send("PUT", baseUrl + "/crm/v7/" + module + "/" + id, "{\"data\":[" + recordJson + "]}", json()).expect(200);
    }

    JsonNode deal(String dealId) {
        return send("GET", baseUrl + "/crm/v7/Deals/" + dealId, null, auth()).expect(200).body().path("data").path(0);
    }

    /** The Books invoices CRM's Books integration ties to the deal ({@code zcrm_potential_id}). */
    JsonNode invoicesOfDeal(String org, String dealId) {
        return books("GET", org, "/invoices?zcrm_potential_id=" + enc(dealId), null).expect(200).body().path("invoices");
    }

    /** A record a CRM user creates; answers its id. */
    String createRecord(String module, String recordJson) {
        return send("POST", baseUrl + "/crm/v7/" + module, "{\"data\":[" + recordJson + "]}", json()).expect(201)
                .body().path("data").path(0).path("details").path("id").asString();
    }

    /** An org variable an administrator adds (Setup → Developer Hub → Variables). */
    void createVariable(String apiName, String value) {
        send("POST", baseUrl + "/crm/v7/settings/variables", "{\"variables\":[{\"api_name\":\"" + apiName
                + "\",\"name\":\"" + apiName + "\",\"type\":\"text\",\"value\":\"" + value + "\"}]}", json())
                .expect(201);
    }

    /**
     * A Books user's action. Against the Zoho emulator it says so ({@code X-Emulator-Books-Web-User}): users of
     * Books' web app do not spend the org's API budget, so the emulator neither counts these nor limits them, and
     * only dealledger's own calls meet Zoho's limits. Real Zoho ignores the header.
     */
    private Http.Answer books(String method, String org, String path, String body) {
        Map<String, String> headers = new java.util.HashMap<>(body == null ? auth() : json());
        headers.put(WEB_USER_HEADER, "true");
        return send(method, baseUrl + "/books/v3" + path + (path.contains("?") ? "&" : "?") + "organization_id=" + org,
                body, headers);
    }

    /** The emulator's marker of a Books web-app user (zoho-emulator's ZohoGateFilter.WEB_USER_HEADER). */
    static final String WEB_USER_HEADER = "X-Emulator-Books-Web-User";

    private Map<String, String> json() {
        return Map.of("Authorization", "Zoho-oauthtoken " + token, "Content-Type", "application/json");
    }

    /**
     * Like any Zoho client, gets a new access token once after a 401 (the token expired), and tries again after a
     * 429 or a 5xx (a few times, briefly).
     */
    private Http.Answer send(String method, String url, String body, Map<String, String> given) {
        Map<String, String> headers = given;
        Http.Answer answer = http.send(method, url, body, headers);
        if (answer.status() == 401 && headers.containsKey("Authorization")) {
            token = newToken();
            headers = new java.util.HashMap<>(headers);
            headers.put("Authorization", "Zoho-oauthtoken " + token);
            answer = http.send(method, url, body, headers);
        }
        for (int attempt = 1; attempt < 8 && (answer.status() == 429 || answer.status() >= 500); attempt++) {
            try {
                Thread.sleep(100L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = http.send(method, url, body, headers);
        }
        return answer;
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Zoho-oauthtoken " + token);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
