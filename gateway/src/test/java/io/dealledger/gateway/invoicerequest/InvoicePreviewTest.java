package io.dealledger.gateway.invoicerequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.gateway.support.Signatures;
import io.dealledger.gateway.support.Standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * Invoice previews are signed and validated like invoice requests, then forwarded byte for byte to a stand-in
 * invoice-service (a real HTTP server); its answer comes back as it was, and its absence is a 503.
 */
class InvoicePreviewTest {

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
        GatewayProperties properties = Standalone.properties(null, invoiceServiceUrl);
        return new InvoicePreviewController(new RawBody(properties), Standalone.signedCalls(),
                properties);
    }

    private InvoicePreviewController previews() {
        return previews("http://127.0.0.1:" + invoiceService.getAddress().getPort());
    }

    private static MockServerHttpRequest signedPost(String path, String body) {
        return MockServerHttpRequest.post(path)
                .header(CallSignature.HEADER, Signatures.crm(HttpMethod.POST, path, body))
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
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo(CallSignature.HEADER));
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
