package io.dealledger.payment.support;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Makes Books state through the emulator's Books API with a plain HTTP client, as a person in Books would. */
public final class BooksApi {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final String org;

    public BooksApi(String org) {
        this.org = org;
    }

    public String createInvoice(String customerId, String amount) {
        return post("/invoices?send=true", "{\"customer_id\":\"" + customerId + "\",\"line_items\":[{\"name\":\"Work\",\"rate\":"
                + amount + "}]}").path("invoice").path("invoice_id").asString();
    }

    /** A sent invoice that names its CRM deal, as Zoho's Finance integration or a Books user sets it. */
    public String createInvoiceNamingDeal(String customerId, String amount, String dealId) {
        return post("/invoices?send=true", "{\"customer_id\":\"" + customerId + "\",\"zcrm_potential_id\":\""
                + dealId + "\",\"line_items\":[{\"name\":\"Work\",\"rate\":" + amount + "}]}")
                .path("invoice").path("invoice_id").asString();
    }

    /** An invoice as Books creates it without {@code send=true}: a draft. */
    public String createDraftInvoice(String customerId, String amount) {
        return post("/invoices", "{\"customer_id\":\"" + customerId + "\",\"line_items\":[{\"name\":\"Work\",\"rate\":"
                + amount + "}]}").path("invoice").path("invoice_id").asString();
    }

    public JsonNode invoice(String invoiceId) {
        return send("GET", "/invoices/" + invoiceId, null).path("invoice");
    }

    public void editInvoiceTotal(String invoiceId, String amount) {
        send("PUT", "/invoices/" + invoiceId, "{\"line_items\":[{\"name\":\"Work\",\"rate\":" + amount + "}]}");
    }

    /** A payment applied to invoices: pairs of invoice id, amount. */
    public String pay(String customerId, String... invoiceAmounts) {
        StringBuilder rows = new StringBuilder();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < invoiceAmounts.length; i += 2) {
            rows.append(rows.isEmpty() ? "" : ",").append("{\"invoice_id\":\"").append(invoiceAmounts[i])
                    .append("\",\"amount_applied\":").append(invoiceAmounts[i + 1]).append('}');
            total = total.add(new BigDecimal(invoiceAmounts[i + 1]));
        }
        return post("/customerpayments", "{\"customer_id\":\"" + customerId + "\",\"payment_mode\":\"banktransfer\",\"amount\":"
                + total + ",\"invoices\":[" + rows + "]}").path("payment").path("payment_id").asString();
    }

    /** A payment of {@code amount} with only {@code applied} of it applied to the invoice: the rest is unused. */
    public String payLeavingUnused(String customerId, String amount, String invoiceId, String applied) {
        return post("/customerpayments", "{\"customer_id\":\"" + customerId + "\",\"payment_mode\":\"banktransfer\",\"amount\":"
                + amount + ",\"invoices\":[{\"invoice_id\":\"" + invoiceId + "\",\"amount_applied\":" + applied + "}]}")
                .path("payment").path("payment_id").asString();
    }

    /** Applies a payment's unused amount to an invoice, as Books' "Apply credits" does. */
    public void applyUnused(String invoiceId, String paymentId, String amount) {
        post("/invoices/" + invoiceId + "/credits", "{\"invoice_payments\":[{\"payment_id\":\"" + paymentId
                + "\",\"amount_applied\":" + amount + "}]}");
    }

    public void deletePayment(String paymentId) {
        send("DELETE", "/customerpayments/" + paymentId, null);
    }

    public String createCreditNote(String customerId, String amount) {
        return post("/creditnotes", "{\"customer_id\":\"" + customerId + "\",\"line_items\":[{\"name\":\"Goodwill\",\"rate\":"
                + amount + "}]}").path("creditnote").path("creditnote_id").asString();
    }

    public void applyCredit(String creditNoteId, String invoiceId, String amount) {
        post("/creditnotes/" + creditNoteId + "/invoices", "{\"invoices\":[{\"invoice_id\":\"" + invoiceId
                + "\",\"amount_applied\":" + amount + "}]}");
    }

    public String refundCredit(String creditNoteId, String amount) {
        return post("/creditnotes/" + creditNoteId + "/refunds", "{\"amount\":" + amount + ",\"refund_mode\":\"cash\"}")
                .path("creditnote_refund").path("creditnote_refund_id").asString();
    }

    public void writeOff(String invoiceId) {
        post("/invoices/" + invoiceId + "/writeoff", null);
    }

    public void voidInvoice(String invoiceId) {
        post("/invoices/" + invoiceId + "/status/void", null);
    }

    private JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    /**
     * What a Books user tries: the answer, or null when Books refuses it with a 4xx (an over-payment, a void of an
     * invoice with payments...), as the web app would tell the user.
     */
    public JsonNode attempt(String method, String path, String body) {
        try {
            return send(method, path, body);
        } catch (AssertionError refused) {
            if (String.valueOf(refused.getMessage()).matches("(?s).* answered 4\\d\\d: .*")) {
                return null;
            }
            throw refused;
        }
    }

    private JsonNode send(String method, String path, String body) {
        String separator = path.contains("?") ? "&" : "?";
        HttpRequest request = HttpRequest.newBuilder(URI.create(Emulator.zoho().baseUrl() + "/books/v3" + path + separator
                        + "organization_id=" + org))
                .header("Authorization", "Zoho-oauthtoken " + Emulator.zoho().accessToken())
                .header("Content-Type", "application/json")
                // a Books user's action in the web app: logged apart from payment-service's own Books calls
                .header(io.dealledger.emulator.gate.ZohoGateFilter.WEB_USER_HEADER, "true")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
