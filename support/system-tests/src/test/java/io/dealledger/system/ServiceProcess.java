package io.dealledger.system;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

/** One dealledger service started from its built jar as its own JVM, as `bin/dealledger up` runs it. */
final class ServiceProcess implements AutoCloseable {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    final String name;
    final int port;
    final int managementPort;
    final Path log;
    private final String module;
    private final Map<String, String> environment;
    private final Process process;

    private ServiceProcess(String module, String name, Map<String, String> environment, int port, int managementPort,
                           Path log, Process process) {
        this.module = module;
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String module, Map<String, String> environment) throws IOException {
        return start(module, module, environment, freePort(), freePort());
    }

    static ServiceProcess start(String module, Map<String, String> environment, int port, int managementPort)
            throws IOException {
        return start(module, module, environment, port, managementPort);
    }

    /** {@code instance} names the JVM (and its log) when a module runs more than once. */
    static ServiceProcess start(String module, String instance, Map<String, String> environment, int port,
                                int managementPort) throws IOException {
        Path logs = ROOT.resolve("support/system-tests/target/service-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(instance + ".log");
        Files.deleteIfExists(log);
        return launch(module, instance, environment, port, managementPort, log);
    }

    private static ServiceProcess launch(String module, String instance, Map<String, String> environment, int port,
                                         int managementPort, Path log) throws IOException {
        Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the end-to-end test runs after the services are packaged");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx320m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.dealledger.events",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
        return new ServiceProcess(module, instance, environment, port, managementPort, log, builder.start());
    }

    /** kill -9: the JVM gets no chance to close anything (no shutdown hook, no Kafka leave-group, no flush). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same instance started again (same ports, settings and log, which it appends to), as a supervisor would. */
    ServiceProcess restart() throws IOException {
        Files.writeString(log, "\n==== restarted ====\n", java.nio.file.StandardOpenOption.APPEND);
        return launch(module, name, environment, port, managementPort, log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until readiness (including Kafka) answers UP; fails with the log's tail if the JVM died. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + tail());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String metricsUrl() {
        return "127.0.0.1:" + managementPort;
    }

    long residentMemoryKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException ignored) {
            // not on Linux: memory is not reported
        }
        return -1;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * A port no other process is listening on, below the kernel's ephemeral range (32768 and up on Linux) and never
     * handed out twice by this JVM. A port from {@code new ServerSocket(0)} is in the ephemeral range: between closing
     * it and the service binding it, an outgoing connection (a Kafka client of another service) can take it as its
     * local port, and the service then fails to start with "Address already in use".
     */
    static int freePort() {
        for (int attempt = 0; attempt < PORT_SPAN; attempt++) {
            int port = FIRST_PORT + Math.floorMod(NEXT_PORT.getAndIncrement(), PORT_SPAN);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // someone listens there; try the next one
            }
        }
        throw new IllegalStateException("no free port between " + FIRST_PORT + " and " + (FIRST_PORT + PORT_SPAN));
    }

    private static final int FIRST_PORT = 20_000;
    private static final int PORT_SPAN = 12_000;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(new Random().nextInt(PORT_SPAN));

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
