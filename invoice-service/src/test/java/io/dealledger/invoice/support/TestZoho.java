package io.dealledger.invoice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.EmulatorAdmin;
import io.dealledger.emulator.ZohoEmulator;
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
