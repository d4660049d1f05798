package io.dealledger.ledger;

import java.nio.file.Path;
import java.util.Map;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.emulator.seed.SeedIds;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points the service's Zoho client at the JVM's one in-process Zoho emulator. Every integration test class
 * implements it, so they all share one Spring context (same dynamic property method) and one emulator; tests keep
 * apart by creating their own deals and invoices, never by resetting it.
 */
public interface UsesZohoEmulator {

    /** The emulator, started on first use and closed when the JVM exits. */
    static ZohoEmulator zoho() {
        return Holder.ZOHO;
    }

    /** The folder reconciliation reports go to in tests. */
    static Path reportDir() {
        return Holder.REPORTS;
    }

    @DynamicPropertySource
    static void zohoProperties(DynamicPropertyRegistry registry) {
        ZohoEmulator zoho = zoho();
        registry.add("dealledger.zoho.enabled", () -> "true");
        registry.add("dealledger.zoho.accounts-url", zoho::baseUrl);
        registry.add("dealledger.zoho.api-url", zoho::baseUrl);
        registry.add("dealledger.zoho.client-id", zoho::clientId);
        registry.add("dealledger.zoho.client-secret", zoho::clientSecret);
        registry.add("dealledger.zoho.refresh-token", zoho::refreshToken);
        registry.add("dealledger.zoho.retry.first-backoff", () -> "20ms");
        registry.add("dealledger.zoho.retry.max-backoff", () -> "200ms");
        // a reconciliation reads every linked invoice: no Books per-minute budget in tests (here or in the emulator)
        registry.add("dealledger.zoho.books.per-minute", () -> "100000");
        registry.add("dealledger.ledger.crm-write-back.retry.first-backoff", () -> "100ms");
        registry.add("dealledger.ledger.crm-write-back.retry.max-backoff", () -> "500ms");
        registry.add("dealledger.ledger.reconciliation.report-dir", () -> reportDir().toString());
        registry.add("dealledger.ledger.organizations[" + SeedIds.LEGAL_ENTITY_US + "]", () -> SeedIds.US_ORG_ID);
        registry.add("dealledger.ledger.organizations[" + SeedIds.LEGAL_ENTITY_UK + "]", () -> SeedIds.UK_ORG_ID);
    }

    /** Holds the JVM's emulator. */
    final class Holder {

        private static final ZohoEmulator ZOHO = start();
        private static final Path REPORTS = reports();

        private Holder() {
        }

        private static ZohoEmulator start() {
            // the emulator is a Spring Boot app on this module's classpath: keep the service's own auto-configuration
            // (service-kit, Kafka) out of it
            ZohoEmulator zoho = ZohoEmulator.start(Map.of("zoho-emulator.books.limits.enabled", false,
                    "spring.autoconfigure.exclude", "io.dealledger.service.ServiceKitAutoConfiguration,"
                            + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                    "management.endpoint.health.group.readiness.include", "readinessState"));
            Runtime.getRuntime().addShutdownHook(new Thread(zoho::close, "zoho-emulator-shutdown"));
            return zoho;
        }

        private static Path reports() {
            try {
                return java.nio.file.Files.createTempDirectory("ledger-reconciliations");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
