package io.dealledger.gateway.invoicerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.dealledger.gateway.auth.AuthProperties;
import io.dealledger.gateway.auth.CrmSignature;
import io.dealledger.gateway.auth.RequestAuthentication;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.problem.Refusal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

/**
 * Invoice previews are signed and validated like invoice requests, then forwarded byte for byte to a stand-in
 * invoice-service (a real HTTP server); its answer comes back as it was, and its absence is a 503.
 */
class InvoicePreviewTest {

    private static final String SECRET = "crm-signing-secret-current";
    private static final String DEAL = "4876876000000624061";
    private static final String PATH = "/api/v1/deals/" + DEAL + "/invoice-previews";

    /** What the stand-in invoice-service was asked: method, path, content type, body. */
    private record Asked(String method, String path, String contentType, String body) {
    }

    private HttpServer invoiceService;
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String retryAfter;
    private volatile String answer = "{\"dealId\":\"" + DEAL + "\",\"total\":\"450.000\",\"currency\":\"EUR\"}";

    @BeforeEach
    void startInvoiceServiceStandIn() throws IOException {
        invoiceService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        invoiceService.createContext("/", exchange -> {
            asked.add(new Asked(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        invoiceService.start();
    }

    @AfterEach
    void stopInvoiceServiceStandIn() {
        invoiceService.stop(0);
    }

    private InvoicePreviewController previews(String invoiceServiceUrl) {
        GatewayProperties properties = new GatewayProperties(null, null, invoiceServiceUrl, DataSize.ofKilobytes(256),
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                new GatewayProperties.Idempotency(Duration.ofHours(1), 10));
        AuthProperties auth = new AuthProperties(new AuthProperties.Crm(List.of(SECRET), Duration.ofSeconds(300)),
                new AuthProperties.Books("X-Secret", List.of("1=books-secret-0001"), Map.of(),
                        new AuthProperties.BodySignature(false, "X-Sig")),
                new AuthProperties.CrmWebhook("X-Crm", List.of("crm-webhook-0001")),
                new AuthProperties.CrmNotifications(List.of(), List.of()));
        return new InvoicePreviewController(new RawBody(properties), new RequestAuthentication(auth, Clock.systemUTC()),
                properties);
    }

    private InvoicePreviewController previews() {
        return previews("http://127.0.0.1:" + invoiceService.getAddress().getPort());
    }

    private static MockServerHttpRequest signedPost(String path, String body) {
        return MockServerHttpRequest.post(path)
                .header(CrmSignature.HEADER, CrmSignature.sign(SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static String text(ResponseEntity<byte[]> answer) {
        return new String(answer.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void aSignedPreviewIsForwardedByteForByteAndInvoiceServicesAnswerComesBack() {
        // odd spacing and key order: the preview must see exactly what the button would send as a request
        String body = "{ \"requestedBy\":\"jane@zylker.com\",  \"stage\":{\"percentage\":\"30\",\"label\":\"Deposit 30%\"}}";

        ResponseEntity<byte[]> answer = previews().preview(DEAL, signedPost(PATH + "?lang=en", body)).block();

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(text(answer)).isEqualTo(this.answer);
        assertThat(asked).containsExactly(new Asked("POST", PATH + "?lang=en", "application/json", body));
    }

    @Test
    void anEmptyBodyPreviewsTheWholeDeal() {
        ResponseEntity<byte[]> answer = previews().preview(DEAL, signedPost(PATH, "")).block();

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(asked).singleElement().satisfies(call -> assertThat(call.body()).isEmpty());
    }

    @Test
    void invoiceServicesRefusalIsPassedThroughWithItsStatusAndBody() {
        status = 422;
        contentType = "application/problem+json";
        answer = "{\"status\":422,\"detail\":\"no tax mapping for region US-TX\",\"category\":\"MISSING_TAX_MAPPING\"}";

        ResponseEntity<byte[]> refused = previews().preview(DEAL, signedPost(PATH, "{}")).block();

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(text(refused)).isEqualTo(answer);
    }

    @Test
    void invoiceServicesOwnUnavailableProblemKeepsItsCategoryAndRetryAfter() {
        status = 503;
        contentType = "application/problem+json";
        retryAfter = "30";
        answer = "{\"status\":503,\"detail\":\"Books is unavailable\",\"category\":\"BOOKS_UNAVAILABLE\"}";

        ResponseEntity<byte[]> unavailable = previews().preview(DEAL, signedPost(PATH, "{}")).block();

        assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
        assertThat(unavailable.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(text(unavailable)).isEqualTo(answer);
    }

    @Test
    void aFailureThatIsNotInvoiceServicesOwnAnswerIsTheGateways503() {
        status = 502;
        contentType = "text/html";
        answer = "<html><body>Bad Gateway</body></html>";

        assertThatThrownBy(() -> previews().preview(DEAL, signedPost(PATH, "{}")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
                    assertThat(r.reason()).isEqualTo("invoice-service answered 502; retry later");
                });
    }

    @Test
    void unsignedAndInvalidPreviewsAreRefusedWithoutAskingInvoiceService() {
        String body = "{\"stage\":{\"label\":\"x\",\"percentage\":0}}";

        assertThatThrownBy(() -> previews().preview(DEAL, MockServerHttpRequest.post(PATH)
                .contentType(MediaType.APPLICATION_JSON).body("{}")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo(CrmSignature.HEADER));
        assertThatThrownBy(() -> previews().preview(DEAL, signedPost(PATH, body)).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("stage.percentage"));
        assertThatThrownBy(() -> previews().preview(DEAL, signedPost(PATH, "{\"stagee\":{}}")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("stagee"));
        assertThatThrownBy(() -> previews().preview("12ab", signedPost("/api/v1/deals/12ab/invoice-previews", "{}"))
                .block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("dealId"));

        assertThat(asked).isEmpty();
    }

    @Test
    void anUnreachableOrUnconfiguredInvoiceServiceIsA503() {
        invoiceService.stop(0);

        assertThatThrownBy(() -> previews().preview(DEAL, signedPost(PATH, "{}")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
                    assertThat(r.reason()).contains("invoice-service cannot be reached");
                });
        assertThatThrownBy(() -> previews(null).preview(DEAL, signedPost(PATH, "{}")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
                    assertThat(r.reason()).contains("DEALLEDGER_INVOICE_SERVICE_URL");
                });
    }
}
