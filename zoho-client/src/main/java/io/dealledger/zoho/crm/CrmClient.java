package io.dealledger.zoho.crm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.http.ZohoApiException;
import io.dealledger.zoho.http.ZohoExchange;
import io.dealledger.zoho.http.ZohoRequest;
import io.dealledger.zoho.http.ZohoService;
import io.dealledger.zoho.limits.CallBudget;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zoho CRM v7 for what dealledger needs: records with lookups and subforms, search, batched updates with
 * per-record results, Variables, and notification channels. Calls share one concurrency budget.
 */
public class CrmClient {

    /** Zoho's maximum number of records in one insert/update call. */
    public static final int MAX_RECORDS_PER_CALL = 100;

    private final ZohoExchange exchange;
    private final JsonMapper json;
    private final String baseUrl;
    private final String v8Url;
    private final CallBudget budget;

    public CrmClient(ZohoSettings settings, ZohoExchange exchange, JsonMapper json) {
        this.exchange = exchange;
        this.json = json;
        this.baseUrl = settings.apiUrl() + "/crm/v7";
        this.v8Url = settings.apiUrl() + "/crm/v8";
        this.budget = CallBudget.concurrency(settings.crmConcurrency());
    }

    /** One record with its lookups and subforms; empty when Zoho does not know the id. */
    public Mono<CrmRecord> getRecord(String module, String id) {
        return call(HttpMethod.GET, "/{module}/{id}", "/" + module + "/" + enc(id), null)
                .flatMapIterable(body -> records(body)).next()
                .onErrorResume(ZohoApiException.class, e -> isUnknownRecord(e) ? Mono.empty() : Mono.error(e));
    }

    /** Records matching a CRM criteria string, e.g. {@code (Account_Name:equals:123)}; none is an empty Flux (Zoho's 204). */
    public Flux<CrmRecord> search(String module, String criteria) {
        return searchPage(module, criteria, 1).expand(page -> page.path("info").path("more_records").asBoolean(false)
                        ? searchPage(module, criteria, page.path("info").path("page").asInt(1) + 1) : Mono.empty())
                .flatMapIterable(this::records);
    }

    /**
     * Records of a related list with the named fields, e.g. {@code relatedRecords("Deals", id, "Products",
     * List.of("Product_Name", "Product_Code"))}, every page; none is an empty Flux (Zoho's 204). CRM v7 refuses
     * the call without {@code fields} (400 REQUIRED_PARAM_MISSING), so they are not optional here.
     */
    public Flux<CrmRecord> relatedRecords(String module, String id, String relatedList, List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("CRM v7 needs the fields of related records " + module + "/" + relatedList);
        }
        String path = "/" + module + "/" + enc(id) + "/" + relatedList + "?fields=" + enc(String.join(",", fields));
        return relatedPage(path, 1).expand(page -> page.path("info").path("more_records").asBoolean(false)
                        ? relatedPage(path, page.path("info").path("page").asInt(1) + 1) : Mono.empty())
                .flatMapIterable(this::records);
    }

    /**
     * Updates records in calls of at most 100, with {@code "trigger": []} so the write fires no workflow
     * (no loop back into dealledger). Each input map must carry the record's {@code id}. One result per
     * record, in order: partial failures are reported, not thrown.
     */
    public Mono<List<CrmWriteResult>> updateRecords(String module, List<Map<String, Object>> records) {
        return Flux.fromIterable(batches(records)).concatMap(batch -> write(HttpMethod.PUT, "/{module}",
                        "/" + module, batch, List.of()))
                .flatMapIterable(results -> results).collectList();
    }

    /**
     * A module's fields by api_name → data_type ({@code text}, {@code currency}, {@code lookup}, {@code subform}, ...),
     * {@code GET /settings/fields?module=} (https://www.zoho.com/crm/developer/docs/api/v7/field-meta.html).
     */
    public Mono<Map<String, String>> fieldTypes(String module) {
        String uri = "/settings/fields?module=" + URLEncoder.encode(module, StandardCharsets.UTF_8);
        return call(HttpMethod.GET, "/settings/fields", uri, null).map(body -> {
            Map<String, String> fields = new LinkedHashMap<>();
            body.path("fields").values().forEach(f -> fields.put(f.path("api_name").asString(),
                    f.path("data_type").asString("")));
            return Collections.unmodifiableMap(fields);
        }).defaultIfEmpty(Map.of());
    }

    /**
     * Organization variables (Setup → Developer Hub → Variables) by api_name; a variable without a value maps to
     * null (Zoho's schema makes {@code value} nullable).
     */
    public Mono<Map<String, String>> variables() {
        return call(HttpMethod.GET, "/settings/variables", "/settings/variables", null).map(body -> {
            Map<String, String> variables = new LinkedHashMap<>();
            body.path("variables").values().forEach(v -> variables.put(v.path("api_name").asString(),
                    v.path("value").isNull() || v.path("value").isMissingNode() ? null : v.path("value").asString()));
            return Collections.unmodifiableMap(variables);
        }).defaultIfEmpty(Map.of());
    }

    /**
     * The webhook actions on {@code module} (first page, up to 200), {@code GET /crm/v8/settings/automation/webhooks}
     * (zoho/crm-oas v8.0/webhooks getWebhooks; published in v8 only, scope
     * {@code ZohoCRM.settings.automation_actions.READ}); empty when there are none (CRM answers 204).
     */
    public Mono<List<CrmWebhook>> webhooks(String module) {
        String uri = "/settings/automation/webhooks?module=" + enc(module) + "&per_page=200";
        return call(v8Url, HttpMethod.GET, "/settings/automation/webhooks", uri, null).map(body -> {
            List<CrmWebhook> webhooks = new ArrayList<>();
            body.path("webhooks").values().forEach(w -> webhooks.add(CrmWebhook.from(w)));
            return List.copyOf(webhooks);
        }).defaultIfEmpty(List.of());
    }

    /**
     * Inserts or updates records in calls of at most 100, matched on {@code duplicateCheckFields} (empty: CRM's
     * own duplicate-check fields of the module), with {@code "trigger": []}. One result per record, in order.
     */
    public Mono<List<CrmWriteResult>> upsertRecords(String module, List<Map<String, Object>> records,
                                                    List<String> duplicateCheckFields) {
        return Flux.fromIterable(batches(records)).concatMap(batch -> write(HttpMethod.POST, "/{module}/upsert",
                        "/" + module + "/upsert", batch, duplicateCheckFields))
                .flatMapIterable(results -> results).collectList();
    }

    /**
     * Subscribes {@code notifyUrl} to record changes ({@code events} like {@code Deals.edit}); CRM echoes
     * {@code token} in every callback. Answers when the channel expires: renew before then (at most a week).
     */
    public Mono<Instant> watch(String channelId, List<String> events, String notifyUrl, String token,
                               OffsetDateTime expiry) {
        ObjectNode body = json.createObjectNode();
        ObjectNode watch = body.putArray("watch").addObject();
        watch.put("channel_id", channelId);
        ArrayNode eventArray = watch.putArray("events");
        events.forEach(eventArray::add);
        watch.put("notify_url", notifyUrl);
        watch.put("token", token);
        watch.put("channel_expiry", expiry.toString());
        return call(HttpMethod.POST, "/actions/watch", "/actions/watch", body.toString()).map(answer -> {
            JsonNode result = answer.path("watch").path(0);
            if (!"success".equalsIgnoreCase(result.path("status").asString(""))) {
                throw new IllegalStateException("CRM refused the notification channel " + channelId + ": "
                        + result.path("code").asString("") + " " + result.path("message").asString(""));
            }
            String granted = result.path("details").path("events").path(0).path("channel_expiry").asString(null);
            return granted == null ? expiry.toInstant() : OffsetDateTime.parse(granted).toInstant();
        });
    }

    private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> records) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int from = 0; from < records.size(); from += MAX_RECORDS_PER_CALL) {
            batches.add(records.subList(from, Math.min(records.size(), from + MAX_RECORDS_PER_CALL)));
        }
        return batches;
    }

    private Mono<List<CrmWriteResult>> write(HttpMethod method, String endpoint, String uri,
                                             List<Map<String, Object>> batch, List<String> duplicateCheckFields) {
        ObjectNode body = json.createObjectNode();
        body.set("data", json.valueToTree(batch));
        body.putArray("trigger");
        if (!duplicateCheckFields.isEmpty()) {
            ArrayNode fields = body.putArray("duplicate_check_fields");
            duplicateCheckFields.forEach(fields::add);
        }
        return call(method, endpoint, uri, body.toString())
                .onErrorResume(ZohoApiException.class, e -> e.body() != null && e.body().has("data")
                        ? Mono.just(e.body()) : Mono.error(e))
                .map(answer -> {
                    List<CrmWriteResult> results = new ArrayList<>();
                    JsonNode data = answer.path("data");
                    for (int i = 0; i < batch.size(); i++) {
                        Object id = batch.get(i).get("id");
                        results.add(result(id == null ? null : String.valueOf(id), data.path(i)));
                    }
                    return results;
                });
    }

    private static CrmWriteResult result(String requestedId, JsonNode entry) {
        boolean success = "success".equalsIgnoreCase(entry.path("status").asString(""));
        String id = entry.path("details").path("id").asString(requestedId);
        return new CrmWriteResult(id, success, entry.path("code").asString("NO_RESULT"),
                entry.path("message").asString(""), entry.path("details").path("api_name").asString(null));
    }

    private Mono<JsonNode> relatedPage(String path, int page) {
        return call(HttpMethod.GET, "/{module}/{id}/{related}", path + "&page=" + page + "&per_page=200", null);
    }

    private Mono<JsonNode> searchPage(String module, String criteria, int page) {
        return call(HttpMethod.GET, "/{module}/search", "/" + module + "/search?criteria=" + enc(criteria)
                + "&page=" + page + "&per_page=200", null);
    }

    private List<CrmRecord> records(JsonNode body) {
        List<CrmRecord> records = new ArrayList<>();
        body.path("data").values().forEach(node -> records.add(new CrmRecord(node)));
        return records;
    }

    private static boolean isUnknownRecord(ZohoApiException e) {
        return e.httpStatus() == 404 || ("INVALID_DATA".equals(e.code()) && e.httpStatus() == 400);
    }

    private Mono<JsonNode> call(HttpMethod method, String endpoint, String uri, String body) {
        return call(baseUrl, method, endpoint, uri, body);
    }

    private Mono<JsonNode> call(String base, HttpMethod method, String endpoint, String uri, String body) {
        return exchange.call(base, new ZohoRequest(ZohoService.CRM, null, method, endpoint, uri, body, Map.of(),
                budget)).filter(answer -> !answer.isMissingNode());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
