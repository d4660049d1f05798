package io.dealledger.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Prometheus (Debian's package, installed by bin/test) scraping the running services every second. */
final class PrometheusProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private PrometheusProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static PrometheusProcess scrape(List<String> targets) throws IOException, InterruptedException {
        Path dir = ServiceProcess.ROOT.resolve("support/system-tests/target/prometheus");
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: dealledger
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(targets.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "))));
        DeploymentConfigTest.Result check = DeploymentConfigTest.run(dir, "promtool", "check", "config", "prometheus.yml");
        if (check.exitCode() != 0) {
            throw new IllegalStateException("promtool rejected the test's config: " + check.output());
        }
        int port = ServiceProcess.freePort();
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data-" + System.nanoTime()), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, "http://127.0.0.1:" + port);
        Awaitility.await("prometheus ready").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> prometheus.query("up").size() == targets.size());
        return prometheus;
    }

    /** The series an instant query returns. */
    List<JsonNode> query(String promql) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (!"success".equals(body.path("status").asString())) {
                throw new IllegalStateException("Prometheus refused " + promql + ": " + body);
            }
            return List.copyOf(body.path("data").path("result").values());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
