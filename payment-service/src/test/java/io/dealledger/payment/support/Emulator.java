package io.dealledger.payment.support;

import java.util.Map;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.emulator.seed.SeedIds;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** One Zoho emulator per test JVM, started on first use; the Spring context is pointed at it. */
public final class Emulator {

    public static final String US_ORG = SeedIds.US_ORG_ID;
    public static final String UK_ORG = SeedIds.UK_ORG_ID;

    private static ZohoEmulator zoho;

    private Emulator() {
    }

    public static synchronized ZohoEmulator zoho() {
        if (zoho == null) {
            // limits off: the tests run many scenarios at once against two orgs; the client's own limiter still paces.
            // The emulator is a Spring app on this module's classpath: keep the service's auto-configurations out of it.
            zoho = ZohoEmulator.start(Map.of("zoho-emulator.books.limits.enabled", "false",
                    "management.endpoint.health.validate-group-membership", "false",
                    "spring.autoconfigure.exclude", "io.dealledger.service.ServiceKitAutoConfiguration,"
                            + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                            + "io.dealledger.zoho.spring.ZohoClientAutoConfiguration"));
            Runtime.getRuntime().addShutdownHook(new Thread(zoho::close, "zoho-emulator-shutdown"));
        }
        return zoho;
    }

    /** Sets dealledger.zoho.* to the emulator before the context starts. */
    public static final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ZohoEmulator emulator = zoho();
            TestPropertyValues.of(
                    "dealledger.zoho.accounts-url=" + emulator.baseUrl(),
                    "dealledger.zoho.api-url=" + emulator.baseUrl(),
                    "dealledger.zoho.cliq-url=" + emulator.baseUrl(),
                    "dealledger.zoho.client-id=" + emulator.clientId(),
                    "dealledger.zoho.client-secret=" + emulator.clientSecret(),
                    "dealledger.zoho.refresh-token=" + emulator.refreshToken()).applyTo(context);
        }
    }
}
