package io.dealledger.invoice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.dealledger.emulator.EmulatorAdmin;
import io.dealledger.emulator.ZohoEmulator;
import org.awaitility.Awaitility;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One in-process Zoho emulator for the whole test JVM, and the application pointed at it. Never reset:
 * the service caches what Books told it, so every test makes its own CRM records (the seed data set is
 * read, not changed, except where a test says so).
 */
public final class TestZoho {

    private static ZohoEmulator zoho;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestZoho() {
    }

    public static synchronized ZohoEmulator emulator() {
        if (zoho == null) {
            // the emulator is a Spring Boot app too: keep this module's Kafka and service-kit wiring out of it
            zoho = ZohoEmulator.start(Map.of("management.endpoint.health.validate-group-membership", "false",
                    "spring.autoconfigure.exclude",
                    "io.dealledger.service.ServiceKitAutoConfiguration,"
                            + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                            + "io.dealledger.zoho.spring.ZohoClientAutoConfiguration"));
            // tests push far more than 100 invoices a minute; Zoho's limits are the zoho-client's own tests' job
            zoho.admin().put("limits", "{\"books_per_minute\":100000,\"books_daily\":1000000}");
            Runtime.getRuntime().addShutdownHook(new Thread(zoho::close, "zoho-emulator-shutdown"));
        }
        return zoho;
    }

    public static EmulatorAdmin admin() {
        return emulator().admin();
    }

    /** Inserts one CRM record through the CRM API, as a user would create it, and answers its id. */
    public static String insert(String module, Map<String, Object> record) {
        try {
            String body = JSON.writeValueAsString(Map.of("data", List.of(record)));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator().baseUrl()
                            + "/crm/v7/" + module)).header("Authorization", "Zoho-oauthtoken " + emulator().accessToken())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            String id = answer.path("data").path(0).path("details").path("id").asString(null);
            if (id == null) {
                throw new IllegalStateException("CRM refused " + module + " " + record + ": " + response.body());
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a CRM Variable (Setup → Developer Hub → Variables), as an integrator would. */
    public static void variable(String apiName, String value) {
        try {
            String body = JSON.writeValueAsString(Map.of("variables", List.of(Map.of("api_name", apiName, "name", apiName,
                    "type", "text", "value", value, "variable_group", Map.of("api_name", "dealledger")))));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator().baseUrl()
                            + "/crm/v7/settings/variables")).header("Authorization", "Zoho-oauthtoken " + emulator().accessToken())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("CRM refused variable " + apiName + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Calls the emulator saw that change something (every method but GET) in the API family ({@code books},
     * {@code crm}), retries and refusals included.
     */
    public static long writeCalls(String family) {
        long total = 0;
        for (JsonNode row : admin().get("calls?family=" + family).path("calls").values()) {
            if (!"GET".equals(row.path("method").asString())) {
                total += row.path("count").asLong();
            }
        }
        return total;
    }

    /**
     * A count of the emulator's once it stops moving: the emulator counts a call as its answer completes, so
     * a caller that has its answer may read the count a moment before it includes the call.
     */
    public static long settled(LongSupplier count) {
        AtomicLong last = new AtomicLong(-1);
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(100))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    long now = count.getAsLong();
                    return last.getAndSet(now) == now ? now : null;
                }, value -> value != null);
    }

    /** A Books record as Books' API answers it, e.g. {@code booksGet(org, "/invoices/123").path("invoice")}. */
    public static JsonNode booksGet(String org, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator().baseUrl()
                            + "/books/v3" + path + "?organization_id=" + org))
                    .header("Authorization", "Zoho-oauthtoken " + emulator().accessToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Books calls the emulator counted, every org and status included (retries too). */
    public static long booksCalls() {
        long total = 0;
        for (JsonNode row : admin().get("calls?family=books").path("calls").values()) {
            total += row.path("count").asLong();
        }
        return total;
    }

    /** Points dealledger.zoho.* at the emulator, with fast retries. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ZohoEmulator zoho = emulator();
            TestPropertyValues.of(
                    "dealledger.zoho.accounts-url=" + zoho.baseUrl(),
                    "dealledger.zoho.api-url=" + zoho.baseUrl(),
                    "dealledger.zoho.client-id=" + zoho.clientId(),
                    "dealledger.zoho.client-secret=" + zoho.clientSecret(),
                    "dealledger.zoho.refresh-token=" + zoho.refreshToken()).applyTo(context);
        }
    }
}
