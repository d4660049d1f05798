package io.dealledger.gateway.auth;

import java.time.Clock;

import io.dealledger.gateway.nonce.Nonces;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Authenticates signed calls (docs/architecture.md §5) on the raw request, before anything parses it: the signature
 * must be valid for this method, path, query and body under the caller's secret; then, once the request is valid,
 * {@link SignedCall#claimNonce()} makes sure its nonce was unused on every gateway instance. CRM users (the
 * button and the widget's function) and operators (dead letters, replays, backfill, reconciliation) have
 * different secrets: neither signature opens the other's routes.
 */
@Component
public class SignedCalls {

    private final CallSignature crm;
    private final CallSignature operator;
    private final Nonces nonces;

    public SignedCalls(AuthProperties auth, Nonces nonces, Clock clock) {
        this.crm = new CallSignature("CRM", auth.crm().secrets(), auth.crm().tolerance(), auth.crm().acceptV1(), clock);
        this.operator = new CallSignature("operator", auth.operator().secrets(), auth.crm().tolerance(), false, clock);
        this.nonces = nonces;
    }

    /** A CRM button or widget call, authentic under the CRM secret; a 401 refusal otherwise. */
    public SignedCall crm(ServerHttpRequest request, byte[] body) {
        return check(crm, request, body);
    }

    /** An operator call, authentic under the operator secret; a 401 refusal otherwise. */
    public SignedCall operator(ServerHttpRequest request, byte[] body) {
        return check(operator, request, body);
    }

    private SignedCall check(CallSignature signature, ServerHttpRequest request, byte[] body) {
        CallSignature.Verified verified = signature.verify(request.getHeaders().getFirst(CallSignature.HEADER),
                request.getMethod().name(), pathAndQuery(request), body);
        return new SignedCall(verified, nonces);
    }

    /** The path and query as the request line sent them (still percent-encoded): what the caller signed. */
    static String pathAndQuery(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath() + (query == null ? "" : "?" + query);
    }
}
