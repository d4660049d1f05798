package io.dealledger.zoho.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.limits.BooksDailyLimitException;
import io.dealledger.zoho.limits.Budget;
import io.dealledger.zoho.limits.BooksOrgBudget;
import io.dealledger.zoho.oauth.AccessTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Every Zoho call passes here: its budget (per-org Books limiter, CRM concurrency) which also reads every
 * answer (Books' 429 codes 44, 1070 and 45 are signals), a cached OAuth token
 * (one refresh and one retry on a 401, never a loop; a 401 for a missing scope or on a just-minted token is a
 * {@link ZohoAuthorizationException}, no refresh), back-off with jitter for 429s, 5xx and timeouts,
 * and metrics by service, org, endpoint template and outcome. 4xx validation errors are not retried:
 * they surface as {@link ZohoApiException} with Zoho's code, message and field.
 */
public class ZohoExchange {

    /**
     * The largest answer read. WebClient's default (256 KiB) is less than one page of 200 Books invoices with their
     * custom fields, and an answer over the limit fails the whole call (the poller and the burst's list reads did).
     */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final ZohoSettings settings;
    private final WebClient web;
    private final AccessTokens tokens;
    private final MeterRegistry meters;
    private final JsonMapper json;

    public ZohoExchange(ZohoSettings settings, WebClient.Builder web, AccessTokens tokens, MeterRegistry meters,
                        JsonMapper json) {
        this.settings = settings;
        this.web = web.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES)).build();
        this.tokens = tokens;
        this.meters = meters;
        this.json = json;
    }

    /** Performs the call; the answer's JSON body, or a missing node for an empty answer (Zoho's 204). */
    public Mono<JsonNode> call(String baseUrl, ZohoRequest request) {
        ZohoSettings.RetryPolicy retry = settings.retry();
        return Mono.defer(() -> attempt(baseUrl, request, true))
                .retryWhen(Retry.backoff(retry.maxAttempts(), retry.firstBackoff())
                        .maxBackoff(retry.maxBackoff()).jitter(0.5)
                        .filter(ZohoExchange::retryable)
                        .doBeforeRetry(signal -> counter("zoho.retries", request, null).increment())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<JsonNode> attempt(String baseUrl, ZohoRequest request, boolean mayRefresh) {
        long queued = System.nanoTime();
        // usingWhen: the permit is closed however the call ends. A caller may also leave just as the permit is on
        // its way: an operator then drops it (Reactor's "discard"), and the hook closes it. A permit dropped unclosed
        // is an in-flight slot held for good, and with every slot held no call of the org ever starts again.
        Mono<Budget.Permit> granted = request.budget().acquire(request.priority())
                .doOnDiscard(Budget.Permit.class, Budget.Permit::close);
        return Mono.usingWhen(granted, permit -> {
            Timer.builder("zoho.ratelimit.wait").tag("api", request.service().label())
                    .tag("org", org(request)).register(meters).record(Duration.ofNanos(System.nanoTime() - queued));
            return tokens.accessToken().flatMap(token -> send(baseUrl, request, token)
                    .flatMap(answer -> {
                        // one new token and one retry, only when a new token can help (not for a missing scope,
                        // nor when this token was itself the new one): a 401 is otherwise an authorization failure
                        if (answer.status() == 401 && mayRefresh && ZohoAnswers.aNewTokenMayHelp(request, answer, json)
                                && tokens.invalidate(token)) {
                            return Mono.empty();
                        }
                        return Mono.fromCallable(() -> ZohoAnswers.interpret(request, answer, json))
                                .doOnNext(body -> permit.answered(answer.status(), null))
                                .doOnError(ZohoApiException.class, e -> permit.answered(e.httpStatus(), e.code()));
                    }));
        }, ZohoExchange::close, (permit, error) -> close(permit), ZohoExchange::close)
                .onErrorMap(ZohoExchange::dailyCapReached, error -> dailyLimit(request, (ZohoApiException) error))
                .doOnError(error -> counter("zoho.calls", request, outcome(error)).increment())
                .doOnNext(body -> counter("zoho.calls", request, "success").increment())
                .switchIfEmpty(Mono.defer(() -> attempt(baseUrl, request, false)));
    }

    private static Mono<Void> close(Budget.Permit permit) {
        return Mono.fromRunnable(permit::close);
    }

    /** Zoho's own daily cap (429 code 45, or 45 under a 200), not a refusal the budget already made. */
    private static boolean dailyCapReached(Throwable error) {
        return error instanceof ZohoApiException api && !(api instanceof BooksDailyLimitException)
                && api.service() == ZohoService.BOOKS && "45".equals(api.code());
    }

    /** Says when the organization's day turns, as its budget knows it. */
    private static BooksDailyLimitException dailyLimit(ZohoRequest request, ZohoApiException zoho) {
        if (request.budget() instanceof BooksOrgBudget.View view) {
            BooksOrgBudget budget = view.budget();
            return new BooksDailyLimitException(request.organizationId(), request.endpoint(), budget.nextDay(),
                    budget.profile().zone(), budget.profile().zoneLabel(), zoho.zohoMessage(), true);
        }
        return new BooksDailyLimitException(request.organizationId(), request.endpoint(),
                java.time.Instant.now().plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC, "UTC", zoho.zohoMessage(),
                true);
    }

    private Mono<ZohoAnswers.Answer> send(String baseUrl, ZohoRequest request, String token) {
        Timer.Sample sample = Timer.start(meters);
        WebClient.RequestBodySpec spec = web.method(request.method()).uri(URI.create(baseUrl + request.uri()))
                .header("Authorization", "Zoho-oauthtoken " + token)
                .accept(MediaType.APPLICATION_JSON);
        request.headers().forEach(spec::header);
        WebClient.RequestHeadersSpec<?> ready = request.jsonBody() == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.jsonBody());
        return ready.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new ZohoAnswers.Answer(response.statusCode().value(), body)))
                .timeout(settings.timeout())
                .onErrorMap(TimeoutException.class,
                        e -> new ZohoTimeoutException(request.service(), request.endpoint(), e))
                .doFinally(signal -> sample.stop(Timer.builder("zoho.call.latency")
                        .tag("api", request.service().label()).tag("endpoint", request.endpoint())
                        .register(meters)));
    }

    static boolean retryable(Throwable error) {
        return error instanceof ZohoTimeoutException
                || error instanceof WebClientRequestException
                || error instanceof ZohoApiException api && api.retryable();
    }

    private static String outcome(Throwable error) {
        if (error instanceof ZohoTimeoutException) {
            return "timeout";
        }
        if (error instanceof BooksDailyLimitException daily && !daily.answeredByZoho()) {
            return "held_daily_limit";
        }
        if (error instanceof ZohoApiException api) {
            int status = api.httpStatus();
            return status == 429 ? "rate_limited" : status == 401 ? "unauthorized"
                    : status >= 500 ? "server_error" : "client_error";
        }
        return "io_error";
    }

    private Counter counter(String name, ZohoRequest request, String outcome) {
        Counter.Builder builder = Counter.builder(name).tag("api", request.service().label())
                .tag("org", org(request)).tag("endpoint", request.endpoint());
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        return builder.register(meters);
    }

    private static String org(ZohoRequest request) {
        return request.organizationId() == null ? "none" : request.organizationId();
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
