package io.dealledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator deploys is valid: docker-compose.yml with .env.example, and the Prometheus config. */
class DeploymentConfigTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theComposeFileValidatesWithTheDocumentedEnvironment(@TempDir Path project) throws Exception {
        Files.copy(ROOT.resolve("docker-compose.yml"), project.resolve("docker-compose.yml"));
        Files.copy(ROOT.resolve(".env.example"), project.resolve(".env"));

        Result result = run(project, "docker-compose", "config");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("gateway:", "invoice-service:", "payment-service:",
                "ledger-projection-service:", "kafka:", "prometheus:", "grafana:");
    }

    @Test
    void everySecretInTheComposeFileComesFromTheEnvironment() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String example = Files.readString(ROOT.resolve(".env.example"));

        for (String variable : List.of("ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", "DEALLEDGER_CRM_SIGNING_SECRET",
                "DEALLEDGER_OPERATOR_SIGNING_SECRET", "DEALLEDGER_BOOKS_WEBHOOK_SECRETS", "GRAFANA_ADMIN_PASSWORD")) {
            assertThat(example).as(".env.example documents " + variable).containsPattern("(?m)^" + variable + "=$");
        }
        assertThat(compose).doesNotContainPattern("(?i)(secret|password|token)\\s*[:=]\\s*[A-Za-z0-9]{8,}");
    }

    @Test
    void thePrometheusConfigIsValid() throws Exception {
        Result result = run(ROOT, "promtool", "check", "config", "deploy/prometheus/prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path directory, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException(command[0] + " is not installed: run the tests with bin/test, which"
                    + " installs it from Debian's packages", notInstalled);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
