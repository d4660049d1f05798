package io.dealledger.zoho.http;

import java.util.Map;

import io.dealledger.zoho.limits.CallBudget;
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
 */
public record ZohoRequest(ZohoService service, String organizationId, HttpMethod method, String endpoint,
                          String uri, String jsonBody, Map<String, String> headers, CallBudget budget) {

    public ZohoRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
