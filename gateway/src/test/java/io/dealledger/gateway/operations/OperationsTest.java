package io.dealledger.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.gateway.support.Signatures;
import io.dealledger.gateway.support.Standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * The operators' backfill and reconciliation runs reach payment-service and ledger-projection-service through the
 * gateway, with the operator signature: the services' answers come back as they were.
 */
class OperationsTest {

    private static final String ORG = "10234695";

    private HttpServer service;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServiceStandIn() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = (exchange.getRequestURI().getPath().startsWith("/api/v1/backfill")
                    ? "{\"organizationId\":\"" + ORG + "\",\"state\":\"RUNNING\"}"
                    : "{\"id\":\"reconciliation-1\",\"deals\":3}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getPath().startsWith("/api/v1/backfill") ? 202 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        service.start();
    }

    @AfterEach
    void stopServiceStandIn() {
        service.stop(0);
    }

    private OperationsController operations() {
        String url = "http://127.0.0.1:" + service.getAddress().getPort();
        var properties = Standalone.properties(url, null, url);
        return new OperationsController(new RawBody(properties), Standalone.signedCalls(), properties);
    }

    private static MockServerHttpRequest byOperator(HttpMethod method, String path) {
        return MockServerHttpRequest.method(method, path)
                .header(CallSignature.HEADER, Signatures.operator(method, path, "")).build();
    }

    @Test
    void aSignedBackfillIsStartedOnPaymentServiceAndItsStatusRead() {
        String path = "/api/v1/backfill/organizations/" + ORG;

        ResponseEntity<byte[]> started = operations().startBackfill(ORG, byOperator(HttpMethod.POST, path)).block();
        ResponseEntity<byte[]> status = operations().backfill(ORG, byOperator(HttpMethod.GET, path)).block();

        assertThat(started.getStatusCode().value()).isEqualTo(202);
        assertThat(new String(started.getBody(), StandardCharsets.UTF_8)).contains("\"state\":\"RUNNING\"");
        assertThat(status.getStatusCode().value()).isEqualTo(200);
        assertThat(asked).containsExactly("POST " + path, "GET " + path);
    }

    @Test
    void aSignedReconciliationRunsOnTheLedgerServiceWithItsRewriteFlag() {
        String path = "/api/v1/reconciliations?rewrite=true";

        ResponseEntity<byte[]> run = operations().reconcile(byOperator(HttpMethod.POST, path)).block();

        assertThat(run.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(run.getBody(), StandardCharsets.UTF_8)).contains("\"deals\":3");
        assertThat(asked).containsExactly("POST " + path);
    }

    @Test
    void theCrmSecretAndBadParametersReachNoService() {
        String path = "/api/v1/backfill/organizations/" + ORG;
        MockServerHttpRequest byCrm = MockServerHttpRequest.post(path)
                .header(CallSignature.HEADER, Signatures.crm(HttpMethod.POST, path, "")).build();

        assertThatThrownBy(() -> operations().startBackfill(ORG, byCrm).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAUTHORIZED));
        assertThatThrownBy(() -> operations().reconcile(byOperator(HttpMethod.POST, "/api/v1/reconciliations?rewrite=1"))
                .block()).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("rewrite"));
        assertThatThrownBy(() -> operations().startBackfill("acme",
                byOperator(HttpMethod.POST, "/api/v1/backfill/organizations/acme")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("organizationId"));
        assertThat(asked).isEmpty();
    }
}
