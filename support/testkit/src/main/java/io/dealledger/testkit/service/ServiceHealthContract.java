package io.dealledger.testkit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.dealledger.testkit.kafka.UsesKafka;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * What every dealledger service promises operations (docs/architecture.md §8), checked against the real shared
 * broker. A service's test extends it with {@code @SpringBootTest(classes = TheApplication.class,
 * webEnvironment = RANDOM_PORT, properties = "management.server.port=0")}.
 */
@UsesKafka
public abstract class ServiceHealthContract {

    @LocalManagementPort
    protected int managementPort;

    @Test
    protected void isLiveAndReadyWithKafkaOnTheManagementPort() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"kafka\":{\"status\":\"UP\"");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
