package io.dealledger.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker {@code bin/kafka-broker} runs (Apache Kafka, KRaft, its own JVM), for a test that must stop and start
 * the broker under running services: the shared embedded broker lives in the test JVM and cannot be restarted.
 * Its data and logs are under {@code target/<name>-kafka}.
 */
final class LocalBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;

    private LocalBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A new broker with empty data. */
    static LocalBroker start(String name) throws IOException {
        LocalBroker broker = new LocalBroker(ServiceProcess.ROOT.resolve("support/system-tests/target/" + name + "-kafka"),
                ServiceProcess.freePort(), ServiceProcess.freePort());
        broker.run("start", "--reset");
        return broker;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Stopped (SIGTERM, as a supervisor or a rolling upgrade stops it) and started again on the same data. */
    void restart() throws IOException {
        run("stop");
        run("start");
    }

    private void run(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(ServiceProcess.ROOT.resolve("bin/kafka-broker").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("KAFKA_LOCAL_DIR", dir.toString());
        builder.environment().put("KAFKA_PORT", String.valueOf(port));
        builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
        try {
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/kafka-broker " + String.join(" ", arguments) + " failed; see " + dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        run("stop");
    }
}
