package io.dealledger.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import tools.jackson.databind.node.ObjectNode;

/** Reads a webhook body that Zoho sends either as JSON or form-encoded. */
public final class WebhookBodies {

    private WebhookBodies() {
    }

    public static boolean isForm(ServerHttpRequest request, byte[] body) {
        MediaType type;
        try {
            type = request.getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            throw Refusal.unsupportedMediaType("Content-Type", "is not a media type; send application/json or"
                    + " application/x-www-form-urlencoded");
        }
        return type != null ? MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)
                : startsWith(body, "JSONString=");
    }

    /** Books' form encoding carries the JSON record in one field: {@code JSONString=<url-encoded json>}. */
    public static ObjectNode books(ServerHttpRequest request, byte[] body) {
        if (!isForm(request, body)) {
            return JsonBodies.object(body);
        }
        Map<String, String> form = JsonBodies.form(body);
        String json = form.get("JSONString");
        if (json == null) {
            throw Refusal.invalid("JSONString", "is required in a form-encoded Books webhook");
        }
        return JsonBodies.object(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A CRM workflow webhook's merge fields, sent as raw JSON or as form fields. */
    public static ObjectNode crm(ServerHttpRequest request, byte[] body) {
        return isForm(request, body) ? JsonBodies.formAsObject(body) : JsonBodies.object(body);
    }

    private static boolean startsWith(byte[] body, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (body.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (body[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
