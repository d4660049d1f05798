package io.dealledger.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.dealledger.emulator.admin.EmulatorReset;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.oauth.AccessTokens;

/**
 * Starts the emulator inside another module's tests, on a random port:
 *
 * <pre>{@code
 * try (ZohoEmulator zoho = ZohoEmulator.start(Map.of("zoho-emulator.books.webhooks.url", "http://localhost:8080/webhooks/books/{organization_id}"))) {
 *     client = new BooksClient(zoho.baseUrl(), zoho.clientId(), zoho.clientSecret(), zoho.refreshToken());
 *     ...
 * }
 * }</pre>
 *
 * Properties are the same keys as in application.yml (prefix {@code zoho-emulator}); they take precedence
 * over anything on the host's classpath. The host's own {@code application.yml} is not read.
 */
public final class ZohoEmulator implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private ZohoEmulator(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public static ZohoEmulator start() {
        return start(Map.of());
    }

    public static ZohoEmulator start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("spring.config.name", "zoho-emulator-in-process");
        all.put("spring.main.banner-mode", "off");
        // inside another module's tests the host's Kafka and Zoho-client auto-configurations are on the
        // classpath too; the emulator is Zoho's cloud and uses neither
        all.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "io.dealledger.zoho.spring.ZohoClientAutoConfiguration"));
        all.put("management.endpoint.health.validate-group-membership", false);
        all.putAll(properties);
        List<String> args = new ArrayList<>();
        all.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZohoEmulatorApplication.class)
                .web(WebApplicationType.REACTIVE)
                .run(args.toArray(String[]::new));
        return new ZohoEmulator(context);
    }

    /** Serves OAuth, Books, CRM, Cliq and the admin API: e.g. {@code http://localhost:54321}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public String clientId() {
        return properties().oauth().clientId();
    }

    public String clientSecret() {
        return properties().oauth().clientSecret();
    }

    public String refreshToken() {
        return properties().oauth().refreshToken();
    }

    public String cliqZapikey() {
        return properties().cliq().zapikey();
    }

    /** A valid access token issued without the refresh throttle. */
    public String accessToken() {
        return context.getBean(AccessTokens.class).issue().accessToken();
    }

    /** Back to the start state (default data set reloaded if enabled); issued tokens stay valid. */
    public void reset() {
        EmulatorReset reset = context.getBean(EmulatorReset.class);
        reset.reset(reset.seedByDefault());
    }

    /** Moves the emulator's "today" forward, e.g. to make invoices overdue. */
    public void advanceClock(Duration by) {
        context.getBean(EmulatorClock.class).advance(by);
    }

    /** The admin API ({@code /_emulator/...}) of this emulator. */
    public EmulatorAdmin admin() {
        return new EmulatorAdmin(baseUrl());
    }

    /** Escape hatch for a test that needs an emulator component directly. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private EmulatorProperties properties() {
        return context.getBean(EmulatorProperties.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
