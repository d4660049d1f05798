package io.dealledger.emulator.gate;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.oauth.AccessTokens;
import io.dealledger.emulator.oauth.Scopes;

/** Checks the {@code Authorization: Zoho-oauthtoken …} header (or a Cliq zapikey) and answers as each service does. */
@Component
class Authenticator {

    private static final String SCHEME = "Zoho-oauthtoken ";

    private final AccessTokens tokens;
    private final String zapikey;

    Authenticator(AccessTokens tokens, EmulatorProperties properties) {
        this.tokens = tokens;
        this.zapikey = properties.cliq().zapikey();
    }

    /** Null when the caller may proceed. */
    Rejection check(ApiFamily family, ServerHttpRequest request) {
        if (family == ApiFamily.OAUTH || family == ApiFamily.OTHER) {
            return null;
        }
        if (family == ApiFamily.CLIQ && zapikey.equals(request.getQueryParams().getFirst("zapikey"))) {
            return null;
        }
        String token = token(request.getHeaders().getFirst("Authorization"));
        AccessTokens.TokenCheck check = tokens.check(token);
        if (check == AccessTokens.TokenCheck.VALID) {
            return scopeRejection(family, token, request);
        }
        return switch (family) {
            case BOOKS -> check == AccessTokens.TokenCheck.MISSING
                    ? Rejection.books(HttpStatus.UNAUTHORIZED, 14,
                            "The request could not be authenticated as the authentication value you entered is invalid.")
                    : Rejection.books(HttpStatus.UNAUTHORIZED, 57, "You are not authorized to perform this operation");
            case CRM -> check == AccessTokens.TokenCheck.MISSING
                    ? Rejection.crm(HttpStatus.UNAUTHORIZED, "AUTHENTICATION_FAILURE", "Authentication failed")
                    : Rejection.crm(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "invalid oauth token");
            default -> Rejection.crm(HttpStatus.UNAUTHORIZED, "oauthtoken_invalid",
                    "Invalid OAuth token or zapikey passed.");
        };
    }

    /**
     * A valid token without the call's scope: CRM says OAUTH_SCOPE_MISMATCH; Books answers code 57 as for a dead
     * token (so a client cannot tell the two apart); Cliq refuses the token.
     */
    private Rejection scopeRejection(ApiFamily family, String token, ServerHttpRequest request) {
        String method = request.getMethod().name();
        String path = request.getPath().value();
        Scopes.Required required = switch (family) {
            case BOOKS -> Scopes.books(method, path);
            case CRM -> Scopes.crm(method, path);
            default -> Scopes.cliq();
        };
        if (tokens.allows(token, required)) {
            return null;
        }
        return switch (family) {
            case BOOKS -> Rejection.books(HttpStatus.UNAUTHORIZED, 57, "You are not authorized to perform this operation");
            case CRM -> Rejection.crm(HttpStatus.UNAUTHORIZED, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL");
            default -> Rejection.crm(HttpStatus.UNAUTHORIZED, "oauthtoken_invalid", "Invalid OAuth token or zapikey passed.");
        };
    }

    private static String token(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = header.substring(SCHEME.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
