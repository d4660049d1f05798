package io.dealledger.emulator.gate;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.faults.FaultRegistry;
import io.dealledger.emulator.faults.FaultSettings;
import io.dealledger.emulator.inspection.CallLog;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.limits.BooksRateLimiter;
import io.dealledger.emulator.limits.InFlightCounter;
import io.dealledger.emulator.limits.LimitSettings;
import io.dealledger.emulator.world.WorldJournal;
import reactor.core.publisher.Mono;

/**
 * What Zoho does before an endpoint sees a request, in Zoho's order: authenticate, resolve the Books
 * organization, spend the per-minute and daily budgets, take an in-flight slot, then (emulator only)
 * inject latency and faults. Every Zoho call, answered or refused, is counted for inspection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ZohoGateFilter implements WebFilter {

    private static final String CRM_KEY = "crm";
    /**
     * Marks a request as a Books user's action in the web app (the demo and the tests play Books users through the
     * API): Zoho does not count the web app against the API limits, so neither does the emulator, and its calls
     * are logged apart ({@code books-web}) from those of the apps being tested.
     */
    public static final String WEB_USER_HEADER = "X-Emulator-Books-Web-User";

    private final Authenticator authenticator;
    private final Organizations organizations;
    private final BooksRateLimiter rateLimiter;
    private final InFlightCounter inFlight;
    private final LimitSettings limits;
    private final FaultRegistry faults;
    private final CallLog calls;
    private final WorldJournal world;

    public ZohoGateFilter(Authenticator authenticator, Organizations organizations, BooksRateLimiter rateLimiter,
            InFlightCounter inFlight, LimitSettings limits, FaultRegistry faults, CallLog calls, WorldJournal world) {
        this.world = world;
        this.authenticator = authenticator;
        this.organizations = organizations;
        this.rateLimiter = rateLimiter;
        this.inFlight = inFlight;
        this.limits = limits;
        this.faults = faults;
        this.calls = calls;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        ApiFamily family = ApiFamily.of(path);
        // the emulator replaying its own journal at start: passed and counted the first time
        if (family == ApiFamily.OTHER || world.isReplay(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        String org = family == ApiFamily.BOOKS ? exchange.getRequest().getQueryParams().getFirst("organization_id") : null;
        return Mono.defer(() -> gate(exchange, chain, family, org, path))
                .doFinally(signal -> record(exchange, family, org, path));
    }

    private Mono<Void> gate(ServerWebExchange exchange, WebFilterChain chain, ApiFamily family, String org, String path) {
        Rejection unauthenticated = authenticator.check(family, exchange.getRequest());
        if (unauthenticated != null) {
            return write(exchange, unauthenticated);
        }
        if (family == ApiFamily.BOOKS && needsOrganization(path)) {
            if (org == null || org.isBlank()) {
                return write(exchange, Rejection.books(HttpStatus.BAD_REQUEST, 6041,
                        "This user is not associated with the CompanyID/CompanyName:null."));
            }
            if (!organizations.exists(org)) {
                return write(exchange, Rejection.books(HttpStatus.BAD_REQUEST, 6041,
                        "This user is not associated with the CompanyID/CompanyName:" + org + "."));
            }
            if ("true".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(WEB_USER_HEADER))) {
                return withFaults(exchange, chain, ApiFamily.BOOKS, FaultSettings.NONE);
            }
            return booksLimited(exchange, chain, org);
        }
        if (family == ApiFamily.CRM) {
            return crmLimited(exchange, chain);
        }
        return withFaults(exchange, chain, family, faults.forScopes(family.scope()));
    }

    private Mono<Void> booksLimited(ServerWebExchange exchange, WebFilterChain chain, String org) {
        switch (rateLimiter.tryAcquire(org, organizations.require(org).timeZone())) {
            case MINUTE_LIMIT:
                return write(exchange, Rejection.books(HttpStatus.TOO_MANY_REQUESTS, 44,
                        "For security reasons your organization has been blocked as it have exceeded the maximum number of requests per minute that can originate from an organization."));
            case DAILY_LIMIT:
                return write(exchange, Rejection.books(HttpStatus.TOO_MANY_REQUESTS, 45,
                        "The API call for this organization has exceeded the maximum call rate limit of "
                                + limits.current().booksDaily() + "."));
            default:
                break;
        }
        LimitSettings.Values current = limits.current();
        if (current.booksLimitsEnabled() && !inFlight.tryAcquire(org, current.booksInFlight())) {
            return write(exchange, Rejection.books(HttpStatus.TOO_MANY_REQUESTS, 1070,
                    "You have reached the maximum number of in process requests allowed. Kindly try again after some time."));
        }
        Mono<Void> served = withFaults(exchange, chain, ApiFamily.BOOKS, faults.forScopes(org, ApiFamily.BOOKS.scope()));
        return current.booksLimitsEnabled() ? served.doFinally(signal -> inFlight.release(org)) : served;
    }

    private Mono<Void> crmLimited(ServerWebExchange exchange, WebFilterChain chain) {
        LimitSettings.Values current = limits.current();
        if (current.crmLimitsEnabled() && !inFlight.tryAcquire(CRM_KEY, current.crmConcurrency())) {
            return write(exchange, Rejection.crm(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                    "The concurrency limit of the user for the app is exceeded."));
        }
        Mono<Void> served = withFaults(exchange, chain, ApiFamily.CRM, faults.forScopes(ApiFamily.CRM.scope()));
        return current.crmLimitsEnabled() ? served.doFinally(signal -> inFlight.release(CRM_KEY)) : served;
    }

    private Mono<Void> withFaults(ServerWebExchange exchange, WebFilterChain chain, ApiFamily family, FaultSettings fault) {
        Mono<Void> latency = fault.latencyMillis() > 0 ? Mono.delay(Duration.ofMillis(fault.latencyMillis())).then() : Mono.empty();
        return latency.then(Mono.defer(() -> {
            if (faults.roll(fault.timeoutProbability())) {
                // a hung Zoho: nothing for timeout_millis, then a gateway timeout the client has usually given up on
                return Mono.delay(Duration.ofMillis(fault.timeoutMillis())).then(write(exchange,
                        Rejection.of(family, HttpStatus.GATEWAY_TIMEOUT, 1000, "INTERNAL_ERROR", "Gateway timeout")));
            }
            if (faults.roll(fault.error429Probability())) {
                // a passing 429 is Books' 1070 (too many in process): 44 means the org is blocked for the minute and
                // 45 for the day, which the real limiters above answer when they are reached
                return write(exchange, Rejection.of(family, HttpStatus.TOO_MANY_REQUESTS, 1070, "TOO_MANY_REQUESTS",
                        family == ApiFamily.BOOKS
                                ? "You have reached the maximum number of in process requests allowed. Kindly try again after some time."
                                : "Number of API requests for the 24 hour period is exceeded or the concurrency limit of the user for the app is exceeded."));
            }
            if (faults.roll(fault.error5xxProbability())) {
                return write(exchange, Rejection.of(family, HttpStatus.INTERNAL_SERVER_ERROR, 1000, "INTERNAL_ERROR",
                        "Internal error"));
            }
            return chain.filter(exchange);
        }));
    }

    private static boolean needsOrganization(String path) {
        return !path.startsWith("/books/v3/organizations");
    }

    private static Mono<Void> write(ServerWebExchange exchange, Rejection rejection) {
        var response = exchange.getResponse();
        response.setStatusCode(rejection.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(JsonBodies.write(rejection.body()).getBytes());
        return response.writeWith(Mono.just(buffer));
    }

    private void record(ServerWebExchange exchange, ApiFamily family, String org, String path) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        boolean webUser = family == ApiFamily.BOOKS
                && "true".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(WEB_USER_HEADER));
        calls.record(new CallLog.CallKey(webUser ? "books-web" : family.scope(), org, exchange.getRequest().getMethod().name(),
                EndpointTemplates.of(path), status == null ? 200 : status.value()));
    }
}
