package io.dealledger.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dealledger.gateway.auth.AuthProperties;
import io.dealledger.gateway.auth.SignedCalls;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.nonce.NonceMemory;
import io.dealledger.gateway.nonce.Nonces;

import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * Configuration for controllers tested by hand, without Spring or Kafka: short timeouts, the shared test secrets,
 * and a nonce memory of this JVM only.
 */
public final class Standalone {

    private Standalone() {
    }

    public static GatewayProperties properties(String ledgerUrl, String invoiceServiceUrl) {
        return properties(ledgerUrl, invoiceServiceUrl, null);
    }

    public static GatewayProperties properties(String ledgerUrl, String invoiceServiceUrl, String paymentServiceUrl) {
        return new GatewayProperties(null, ledgerUrl, invoiceServiceUrl, paymentServiceUrl, DataSize.ofKilobytes(256),
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10), new GatewayProperties.Idempotency(Duration.ofHours(1), 10));
    }

    public static AuthProperties auth() {
        return new AuthProperties(new AuthProperties.Crm(List.of(TestSecrets.CRM), Duration.ofSeconds(300), false),
                new AuthProperties.Operator(List.of(TestSecrets.OPERATOR)), new AuthProperties.Nonces(1000),
                new AuthProperties.Books("X-Secret", List.of("1=books-secret-0001"), Map.of(),
                        new AuthProperties.BodySignature(false, "X-Sig")),
                new AuthProperties.CrmWebhook("X-Crm", List.of("crm-webhook-0001")),
                new AuthProperties.CrmNotifications(List.of(), List.of()));
    }

    public static SignedCalls signedCalls() {
        return new SignedCalls(auth(), memoryNonces(), Clock.systemUTC());
    }

    /** Nonces remembered in this JVM only: enough where one instance is tested. */
    public static Nonces memoryNonces() {
        NonceMemory memory = new NonceMemory();
        return (nonce, signedAt) -> Mono.fromCallable(() -> memory.firstSighting(nonce,
                signedAt.plusSeconds(600).toEpochMilli(), System.currentTimeMillis()));
    }
}
