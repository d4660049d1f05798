package io.dealledger.zoho.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Reads Zoho's answers: Books' {code, message} envelope and CRM's {code, details, message, status}. */
final class ZohoAnswers {

    record Answer(int status, String body) {
    }

    private static final Pattern FIELD_IN_MESSAGE = Pattern.compile("\\b([a-z]+(?:_[a-z]+)+)\\b");

    private ZohoAnswers() {
    }

    static JsonNode interpret(ZohoRequest request, Answer answer, JsonMapper json) {
        JsonNode body = parse(answer.body(), json);
        int status = answer.status();
        boolean booksError = request.service() == ZohoService.BOOKS && body.has("code")
                && body.path("code").isNumber() && body.path("code").asInt() != 0;
        if (status >= 200 && status < 300 && !booksError) {
            return body;
        }
        String code = body.path("code").isMissingNode() ? String.valueOf(status) : body.path("code").asString();
        String message = body.path("message").asString(body.path("error").asString(answer.body()));
        if (status == 401) {
            throw new ZohoAuthorizationException(request.service(), request.endpoint(), code, message, body);
        }
        String field = body.path("details").path("api_name").asString(null);
        if (field == null && request.service() == ZohoService.BOOKS) {
            field = fieldNamedIn(message);
        }
        throw new ZohoApiException(request.service(), request.endpoint(), status, code, message, field,
                retryable(status, code), body);
    }

    /**
     * Whether a 401 may be an expired token, worth one new token: not CRM's OAUTH_SCOPE_MISMATCH, which says the
     * OAuth client lacks the scope (Books answers code 57 for both, so a Books 401 gets its one new token).
     */
    static boolean aNewTokenMayHelp(ZohoRequest request, Answer answer, JsonMapper json) {
        return !"OAUTH_SCOPE_MISMATCH".equals(parse(answer.body(), json).path("code").asString(""));
    }

    /** 429s are retried except Books' 45 (the org's daily cap: retrying only spends tomorrow's budget); so are 5xx. */
    private static boolean retryable(int status, String code) {
        if (status == 429) {
            return !"45".equals(code);
        }
        return status >= 500 || (status == 200 && ("44".equals(code) || "1070".equals(code)));
    }

    /** Books names a field in its message text (e.g. "tax_authority_id is required"): take the first snake_case word. */
    private static String fieldNamedIn(String message) {
        Matcher matcher = FIELD_IN_MESSAGE.matcher(message == null ? "" : message);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static JsonNode parse(String body, JsonMapper json) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }
}
