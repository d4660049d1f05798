package io.dealledger.gateway.widget;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.dealledger.gateway.auth.AuthProperties;
import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.idempotency.IdempotencyKeys;
import io.dealledger.gateway.problem.Refusal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's local mode (only with {@code dealledger.gateway.widget.local-mode.enabled=true}, checked by
 * {@link LocalModeGuard}): {@code GET /widget/?dealId=…} serves the widget page (copied from {@code widget/app}
 * at build time) with Zoho's SDK replaced by a stand-in, whose {@code ZOHO.CRM.FUNCTIONS.execute} posts to
 * {@code POST /widget/local/call}. That route does what the Deluge function {@code dealledger_widget_call} does
 * in Zoho: checks the route is one of the widget's, signs it (v2: method, path, nonce, body) with the CRM signing
 * secret, passes the action's {@code Idempotency-Key} on, and calls this gateway's own signed route, answering
 * {@code {"status","body"}}.
 */
@RestController
@ConditionalOnProperty(prefix = "dealledger.gateway.widget.local-mode", name = "enabled", havingValue = "true")
public class LocalWidgetController {

    static final String ZOHO_SDK = "https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js";
    static final String FUNCTION = "dealledger_widget_call";

    private static final String ID = "[0-9]{1,30}";
    /**
     * The widget's routes, the same list the Deluge function allows (widget/deluge/dealledger_widget_call.dg): the deal
     * ledger also as of a date (its date picker), {@code ?asOf=yyyy-MM-dd} and no other query.
     */
    private static final Map<HttpMethod, List<Pattern>> ROUTES = Map.of(
            HttpMethod.GET, List.of(Pattern.compile("/api/v1/deals/" + ID
                            + "/(ledger(\\?asOf=[0-9]{4}-[0-9]{2}-[0-9]{2})?|invoice-candidates)"),
                    Pattern.compile("/api/v1/invoice-requests/[0-9a-fA-F-]{36}(\\?waitSeconds=[0-9]{1,2})?")),
            HttpMethod.POST, List.of(Pattern.compile("/api/v1/deals/" + ID + "/(invoice-links|invoice-requests|invoice-previews)")),
            HttpMethod.DELETE, List.of(Pattern.compile("/api/v1/deals/" + ID + "/invoice-links/" + ID
                    + "(\\?organizationId=" + ID + ")?")));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);  // Deluge's invokeurl limit

    private final String page;
    private final byte[] sdk;
    private final String signingSecret;
    private final Clock clock;
    private final WebClient client = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();

    public LocalWidgetController(AuthProperties auth, Clock clock) {
        String html = read("static/widget/widget.html");
        if (!html.contains(ZOHO_SDK)) {
            throw new IllegalStateException("static/widget/widget.html does not load " + ZOHO_SDK
                    + ": the local SDK stand-in cannot be put in its place");
        }
        this.page = html.replace(ZOHO_SDK, "local/sdk.js");
        this.sdk = read("io/dealledger/gateway/widget/zoho-sdk-local.js").getBytes(StandardCharsets.UTF_8);
        this.signingSecret = auth.crm().secrets().get(0);
        this.clock = clock;
    }

    @GetMapping("/widget")
    public ResponseEntity<Void> toPage(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/widget/" + (query == null ? "" : "?" + query))).build();
    }

    @GetMapping(value = "/widget/", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page() {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(page);
    }

    @GetMapping(value = "/widget/local/sdk.js", produces = "text/javascript")
    public ResponseEntity<byte[]> sdk() {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(sdk);
    }

    /** {"method","path","body","idempotencyKey"} → the gateway's answer to that call, signed here: {"status","body"}. */
    @PostMapping(value = "/widget/local/call", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<byte[]>> call(@RequestBody String json, ServerHttpRequest request) {
        return Mono.defer(() -> {
            sameOrigin(request);
            JsonNode call;
            try {
                call = JSON.readTree(json);
            } catch (JacksonException | NumberFormatException e) {
                throw Refusal.invalid("body", "must be {\"method\",\"path\",\"body\",\"idempotencyKey\"} as JSON");
            }
            HttpMethod method = HttpMethod.valueOf(call.path("method").asString(""));
            String idempotencyKey = IdempotencyKeys.checkKey(blankToNull(call.path("idempotencyKey").asString("")));
            String path = call.path("path").asString("");
            if (!isWidgetRoute(method, path)) {
                throw Refusal.invalid("path", "not a widget route: " + method + " " + path);
            }
            byte[] body = method == HttpMethod.POST
                    ? call.path("body").asString("").getBytes(StandardCharsets.UTF_8) : new byte[0];
            String signature = CallSignature.sign(signingSecret, clock.instant().getEpochSecond(),
                    UUID.randomUUID().toString(), method.name(), path, body);
            WebClient.RequestBodySpec spec = client.method(method).uri(URI.create(self(request) + path))
                    .header(CallSignature.HEADER, signature)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (idempotencyKey != null) {
                spec.header(IdempotencyKeys.HEADER, idempotencyKey);
            }
            if (method == HttpMethod.POST) {
                spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            }
            return spec.exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                            .map(answer -> {
                                Map<String, Object> output = new LinkedHashMap<>();
                                output.put("status", response.statusCode().value());
                                output.put("body", new String(answer, StandardCharsets.UTF_8));
                                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                                        .body(JSON.writeValueAsBytes(output));
                            }))
                    .timeout(CALL_TIMEOUT);
        });
    }

    /** Whether the Deluge function would sign {@code method path}: one of the widget's routes, its query included. */
    static boolean isWidgetRoute(HttpMethod method, String path) {
        return ROUTES.getOrDefault(method, List.of()).stream().anyMatch(route -> route.matcher(path).matches());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A page of another origin open in the same browser must not make this gateway sign for it. */
    private static void sameOrigin(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the widget's local calls come from its own page");
        }
    }

    private static String self(ServerHttpRequest request) {
        InetSocketAddress local = request.getLocalAddress();
        if (local == null || local.getAddress() == null) {
            throw Refusal.unavailable("the gateway's own address is unknown", null);
        }
        String host = local.getAddress().getHostAddress();
        return "http://" + (local.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + local.getPort();
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("classpath:" + resource + " is missing: the widget's local mode needs it"
                    + " (widget/app is copied into the gateway by its pom)", e);
        }
    }
}
