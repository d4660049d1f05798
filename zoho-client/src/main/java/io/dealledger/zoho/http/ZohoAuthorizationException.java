package io.dealledger.zoho.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Zoho refused the access token (HTTP 401) and refreshing it does not help: a scope the OAuth client was not
 * granted (CRM {@code OAUTH_SCOPE_MISMATCH}; Books answers code 57 for a missing scope as for a dead token), or a
 * token Zoho refuses right after minting it. Never retried: whoever owns the OAuth client must grant the scope
 * (named when Zoho names it) and mint a new refresh token.
 */
public class ZohoAuthorizationException extends ZohoApiException {

    /** Zoho scopes look like ZohoBooks.invoices.CREATE, ZohoCRM.modules.deals.READ, ZohoCliq.Webhooks.CREATE. */
    private static final Pattern SCOPE = Pattern.compile("\\bZoho[A-Za-z]+\\.[A-Za-z0-9_.]+[A-Za-z0-9]");

    private final String scope;

    public ZohoAuthorizationException(ZohoService service, String endpoint, String code, String zohoMessage,
                                      JsonNode body) {
        super(service, endpoint, 401, code, describe(service, code, zohoMessage, scopeIn(zohoMessage, body)), null,
                false, body);
        this.scope = scopeIn(zohoMessage, body);
    }

    /** The scope Zoho said is missing, or null when its answer names none. */
    public String scope() {
        return scope;
    }

    private static String describe(ZohoService service, String code, String zohoMessage, String scope) {
        return zohoMessage + " — the OAuth client is not authorized for this " + service.label() + " call"
                + (scope == null ? " (a scope is probably missing)" : " (missing scope " + scope + ")")
                + "; code " + code + " is not retried with a new token";
    }

    private static String scopeIn(String message, JsonNode body) {
        String text = (message == null ? "" : message) + " " + (body == null ? "" : body.toString());
        Matcher matcher = SCOPE.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }
}
