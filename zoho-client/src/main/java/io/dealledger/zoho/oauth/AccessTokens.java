package io.dealledger.zoho.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.http.ZohoService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One cached access token per OAuth client (docs/architecture.md §6): refreshed ahead of expiry, single-flight (N
 * concurrent callers at expiry share one refresh), never more than Zoho's 10 refreshes per 10 minutes. With a
 * {@link TokenSharing} the token and the limit are the deployment's: a token another instance minted is taken while
 * it is valid, the others' tokens count against the ten, and each instance refreshes at its own point of the last
 * minutes (a random lead), so the first to refresh serves the rest instead of every instance minting at once.
 * Tokens and secrets are never logged.
 */
public class AccessTokens {

    /** Refresh at least this long before Zoho's expiry, so a call never leaves with a token about to die. */
    static final Duration AHEAD = Duration.ofMinutes(5);
    /** Up to this much earlier still, at random per instance, so instances sharing a token do not all refresh it. */
    static final Duration SPREAD = Duration.ofMinutes(4);

    /** {@code replacement}: minted because Zoho refused the previous token, so a 401 on it is not an expiry. */
    private record Token(String value, Instant expiresAt, boolean replacement, Set<String> scopes) {
    }

    private final ZohoSettings settings;
    private final WebClient accounts;
    private final Clock clock;
    private final RefreshBudget budget;
    private final TokenSharing sharing;
    /** This instance's refresh point before expiry: {@link #AHEAD} plus a random part of {@link #SPREAD}. */
    private final Duration lead;
    private final Counter refreshes;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<Token> current = new AtomicReference<>();
    private final AtomicReference<Mono<Token>> inFlight = new AtomicReference<>();
    /** The next token minted replaces one Zoho refused (set by {@link #invalidate}, read by the refresh). */
    private volatile boolean replacing;
    /** The last token Zoho refused: never taken again from the sharing. */
    private volatile String refused;

    public AccessTokens(ZohoSettings settings, WebClient.Builder web, Clock clock, MeterRegistry meters) {
        this(settings, web, clock, meters, TokenSharing.alone());
    }

    public AccessTokens(ZohoSettings settings, WebClient.Builder web, Clock clock, MeterRegistry meters,
                        TokenSharing sharing) {
        this.settings = settings;
        this.accounts = web.baseUrl(settings.accountsUrl().toString()).build();
        this.clock = clock;
        this.budget = new RefreshBudget(clock);
        this.sharing = sharing;
        this.lead = AHEAD.plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextLong(SPREAD.toSeconds() + 1));
        this.refreshes = Counter.builder("zoho.token.refreshes").description("OAuth access tokens minted")
                .register(meters);
    }

    /** A valid access token: the cached one, or one fresh refresh shared by every concurrent caller. */
    public Mono<String> accessToken() {
        Token token = current.get();
        if (token != null && clock.instant().isBefore(token.expiresAt().minus(lead))) {
            return Mono.just(token.value());
        }
        return refresh().map(Token::value);
    }

    /**
     * The scopes Zoho said the current access token carries (the token answer's {@code scope}, split on spaces and
     * commas), minting one if none is valid; empty when Zoho did not say.
     */
    public Mono<Set<String>> grantedScopes() {
        Token token = current.get();
        if (token != null && clock.instant().isBefore(token.expiresAt().minus(lead))) {
            return Mono.just(token.scopes());
        }
        return refresh().map(Token::scopes);
    }

    /**
     * Zoho refused {@code rejected} (401): drop it so the next call mints a new one, unless a concurrent caller
     * already replaced it (fifty 401s at expiry still cause one refresh). Answers whether a new token is worth
     * trying: not when {@code rejected} was itself minted because Zoho refused its predecessor — a fresh token
     * Zoho refuses lacks a scope, and refreshing again would only spend the 10-per-10-minutes budget. So each
     * refused token causes at most one refresh, and a missing scope causes one in all, not one per call.
     */
    public boolean invalidate(String rejected) {
        Token token = current.get();
        if (token != null && token.value().equals(rejected) && token.replacement()) {
            return false;
        }
        if (token != null && token.value().equals(rejected) && current.compareAndSet(token, null)) {
            replacing = true;
            refused = rejected;
        }
        return true;
    }

    private Mono<Token> refresh() {
        while (true) {
            Mono<Token> running = inFlight.get();
            if (running != null) {
                return running;
            }
            Mono<Token> started = Mono.defer(this::callTokenEndpoint)
                    .doOnNext(current::set)
                    .doFinally(signal -> inFlight.set(null))
                    .cache(token -> Duration.ZERO, error -> Duration.ZERO, () -> Duration.ZERO);
            if (inFlight.compareAndSet(null, started)) {
                return started;
            }
        }
    }

    private Mono<Token> callTokenEndpoint() {
        Instant now = clock.instant();
        Token fresh = current.get();
        if (fresh != null && now.isBefore(fresh.expiresAt().minus(lead))) {
            return Mono.just(fresh);
        }
        // valid past this instance's own refresh point: the instance with the earliest point mints, the rest take its token
        TokenSharing.SharedToken shared = sharing.validAfter(now.plus(lead));
        if (shared != null && !shared.value().equals(refused)) {
            // another instance minted it: taken as it is, also after a refusal (a new token is what a refusal asks)
            replacing = false;
            return Mono.just(new Token(shared.value(), shared.expiresAt(), false, shared.scopes()));
        }
        Instant blockedUntil = budget.tryTake(sharing.mintedByOthersSince(now.minus(RefreshBudget.WINDOW)));
        if (blockedUntil != null) {
            return Mono.error(new TokenRefreshThrottledException(
                    "not refreshing: 10 access tokens were minted in the last 10 minutes", blockedUntil));
        }
        refreshes.increment();
        return accounts.post().uri("/oauth/v2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "refresh_token")
                        .with("client_id", settings.clientId())
                        .with("client_secret", settings.clientSecret())
                        .with("refresh_token", settings.refreshToken()))
                .retrieve().bodyToMono(String.class)
                .onErrorResume(WebClientResponseException.class, e -> Mono.just(e.getResponseBodyAsString()))
                .timeout(settings.timeout())
                .map(this::parse)
                .doOnNext(token -> sharing.minted(new TokenSharing.SharedToken(token.value(), now, token.expiresAt(),
                        token.scopes())));
    }

    private Token parse(String body) {
        JsonNode node = json.readTree(body);
        String accessToken = node.path("access_token").asString("");
        if (accessToken.isEmpty()) {
            String error = node.path("error").asString("no access_token in the answer");
            String description = node.path("error_description").asString("");
            if (description.contains("too many requests") || "Access Denied".equals(error)) {
                throw new TokenRefreshThrottledException("Zoho throttled the refresh token: " + error
                        + (description.isEmpty() ? "" : " (" + description + ")"), null);
            }
            throw new IllegalStateException(ZohoService.ACCOUNTS.label() + " refused the refresh token: " + error
                    + (description.isEmpty() ? "" : " (" + description + ")"));
        }
        long expiresIn = node.path("expires_in").asLong(3600);
        boolean replacement = replacing;
        replacing = false;
        Set<String> scopes = Arrays.stream(node.path("scope").asString("").split("[,\\s]+"))
                .filter(scope -> !scope.isBlank()).collect(Collectors.toUnmodifiableSet());
        return new Token(accessToken, clock.instant().plusSeconds(expiresIn), replacement, scopes);
    }
}
