package io.dealledger.zoho.http;

import java.util.Map;

import io.dealledger.zoho.limits.Budget;
import io.dealledger.zoho.limits.Priority;
import org.springframework.http.HttpMethod;

/**
 * One call to Zoho, before auth is added.
 *
 * @param service        which product (metric label, error shape)
 * @param organizationId the Books organization, or null (metric label)
 * @param method         HTTP method
 * @param endpoint       the path template for metrics, e.g. {@code /invoices/{id}} — never an id
 * @param uri            the full path and query to call, relative to the service's base URL
 * @param jsonBody       request body as JSON, or null
 * @param headers        extra headers (e.g. Books' X-Unique-Identifier-Key)
 * @param budget         the limiter the call must pass
 * @param priority       its place in the budget's queue (and what part of the day's budget it may use)
 */
public record ZohoRequest(ZohoService service, String organizationId, HttpMethod method, String endpoint,
                          String uri, String jsonBody, Map<String, String> headers, Budget budget, Priority priority) {

    public ZohoRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        priority = priority == null ? Priority.HIGH : priority;
    }

    public ZohoRequest(ZohoService service, String organizationId, HttpMethod method, String endpoint, String uri,
                       String jsonBody, Map<String, String> headers, Budget budget) {
        this(service, organizationId, method, endpoint, uri, jsonBody, headers, budget, Priority.HIGH);
    }
}
