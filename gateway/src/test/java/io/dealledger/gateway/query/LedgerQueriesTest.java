package io.dealledger.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;

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
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The read routes pass ledger-projection-service's answer through, and turn its absence into a 503. */
class LedgerQueriesTest {


    private HttpServer ledger;
    private final AtomicReference<String> asked = new AtomicReference<>();

    @BeforeEach
    void startLedgerStub() throws IOException {
        ledger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ledger.createContext("/", exchange -> {
            asked.set(exchange.getRequestURI().toString());
            if (exchange.getRequestURI().toString().contains("waitSeconds")) {
                // the ledger holds a long-poll open until the outcome arrives: here 3 s, past the 2 s read timeout
                LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
            }
            byte[] body = "{\"dealId\":\"42\",\"outstanding\":\"100.000\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ledger.start();
    }

    @AfterEach
    void stopLedgerStub() {
        ledger.stop(0);
    }

    private static LedgerQueries queries(String ledgerUrl) {
        GatewayProperties properties = Standalone.properties(ledgerUrl, null);
        return new LedgerQueries(new RawBody(properties), Standalone.signedCalls(), properties);
    }

    private static MockServerHttpRequest signedGet(String path) {
        return MockServerHttpRequest.get(path)
                .header(CallSignature.HEADER, Signatures.crm(HttpMethod.GET, path, ""))
                .build();
    }

    @Test
    void aSignedLedgerReadIsAnsweredByLedgerProjectionService() {
        String path = "/api/v1/deals/42/ledger?asOf=2025-01-01";

        ResponseEntity<byte[]> answer = queries("http://127.0.0.1:" + ledger.getAddress().getPort())
                .ledger("42", signedGet(path)).block();

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).contains("\"outstanding\":\"100.000\"");
        assertThat(asked.get()).isEqualTo(path);
    }

    @Test
    void aSignedAccountLedgerReadIsAnsweredByLedgerProjectionService() {
        String path = "/api/v1/accounts/4876876000000624001/ledger";

        ResponseEntity<byte[]> answer = queries("http://127.0.0.1:" + ledger.getAddress().getPort())
                .accountLedger("4876876000000624001", signedGet(path)).block();

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/json");
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).contains("\"outstanding\":\"100.000\"");
        assertThat(asked.get()).isEqualTo(path);
    }

    @Test
    void anAccountLedgerReadIsRefusedBeforeTheLedgerServiceIsAsked() {
        LedgerQueries queries = queries("http://127.0.0.1:" + ledger.getAddress().getPort());

        assertThatThrownBy(() -> queries.accountLedger("acme", signedGet("/api/v1/accounts/acme/ledger")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("accountId"));
        assertThatThrownBy(() -> queries.accountLedger("42", MockServerHttpRequest.get("/api/v1/accounts/42/ledger")
                .build()).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAUTHORIZED));
        assertThat(asked.get()).isNull();
    }

    @Test
    void aLongPollIsGivenItsWaitOnTopOfTheReadTimeout() {
        String path = "/api/v1/invoice-requests/0b9d3c52-8a3e-4b1e-9f0a-2d6c1e7f4a10?waitSeconds=5";

        ResponseEntity<byte[]> answer = queries("http://127.0.0.1:" + ledger.getAddress().getPort())
                .invoiceRequest("0b9d3c52-8a3e-4b1e-9f0a-2d6c1e7f4a10", signedGet(path)).block();

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(asked.get()).isEqualTo(path);
    }

    @Test
    void anUnreachableLedgerServiceIsA503() {
        ledger.stop(0);

        assertThatThrownBy(() -> queries("http://127.0.0.1:" + ledger.getAddress().getPort())
                .invoiceCandidates("42", signedGet("/api/v1/deals/42/invoice-candidates")).block())
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE));
    }
}
