package io.dealledger.emulator.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.dealledger.emulator.config.EmulatorProperties;
import reactor.core.publisher.Mono;

/**
 * {@code POST /oauth/v2/token}: the refresh-token grant. Parameters are read from the query string (as
 * Zoho's docs show) or a form body (as Zoho's SDKs send). Credential errors answer HTTP 200 with an
 * {@code error} key, as Zoho does; the refresh throttle answers 400 "Access Denied".
 */
@RestController
public class OAuthTokenController {

    private final AccessTokens tokens;
    private final RefreshThrottle throttle;
    private final EmulatorProperties.OAuth client;

    public OAuthTokenController(AccessTokens tokens, RefreshThrottle throttle, EmulatorProperties properties) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.client = properties.oauth();
    }

    @PostMapping("/oauth/v2/token")
    public Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> answer(exchange.getRequest().getQueryParams(), form,
                apiDomain(exchange)));
    }

    @PostMapping("/oauth/v2/token/revoke")
    public Mono<ResponseEntity<Map<String, Object>>> revoke(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            String token = param(exchange.getRequest().getQueryParams(), form, "token");
            if (token != null) {
                tokens.revoke(token);
            }
            return ResponseEntity.ok(Map.of("status", "success"));
        });
    }

    private ResponseEntity<Map<String, Object>> answer(MultiValueMap<String, String> query,
            MultiValueMap<String, String> form, String apiDomain) {
        if (!"refresh_token".equals(param(query, form, "grant_type"))) {
            return ResponseEntity.ok(Map.of("error", "unsupported_grant_type"));
        }
        if (!client.clientId().equals(param(query, form, "client_id"))) {
            return ResponseEntity.ok(Map.of("error", "invalid_client"));
        }
        if (!client.clientSecret().equals(param(query, form, "client_secret"))) {
            return ResponseEntity.ok(Map.of("error", "invalid_client_secret"));
        }
        String refreshToken = param(query, form, "refresh_token");
        if (!client.refreshToken().equals(refreshToken)) {
            return ResponseEntity.ok(Map.of("error", "invalid_code"));
        }
        if (!throttle.tryAcquire(refreshToken)) {
            Map<String, Object> denied = new LinkedHashMap<>();
            denied.put("error_description", "You have made too many requests continuously. Please try again after some time.");
            denied.put("error", "Access Denied");
            denied.put("status", "failure");
            return ResponseEntity.badRequest().body(denied);
        }
        AccessTokens.IssuedToken issued = tokens.issue();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("scope", issued.scope());
        body.put("api_domain", apiDomain);
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresInSeconds());
        return ResponseEntity.ok(body);
    }

    private static String param(MultiValueMap<String, String> query, MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value != null ? value : query.getFirst(name);
    }

    /** The emulator is its own API domain, so clients that follow {@code api_domain} stay on it. */
    private static String apiDomain(ServerWebExchange exchange) {
        var uri = exchange.getRequest().getURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
