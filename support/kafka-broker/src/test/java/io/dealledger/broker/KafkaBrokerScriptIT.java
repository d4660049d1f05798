package io.dealledger.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** bin/kafka-broker, as a developer runs it: a real broker that clients use, that keeps its data and stops cleanly. */
class KafkaBrokerScriptIT {

    private final Path script = Path.of("../../bin/kafka-broker").toAbsolutePath().normalize();
    private final Path localDir = Path.of("target/broker-it").toAbsolutePath();
    private final int port = freePort();

    @AfterEach
    void stopBroker() throws Exception {
        run("stop");
    }

    @Test
    void startsABrokerClientsProduceToAndConsumeFromThatKeepsItsDataAcrossRestartsAndStopsCleanly() throws Exception {
        Result started = run("start", "--reset");
        assertThat(started.exitCode()).as(started.output()).isZero();
        assertThat(run("status").output()).contains("running").contains("127.0.0.1:" + port);

        String bootstrap = "127.0.0.1:" + port;
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("local.check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("local.check", "deal-1", "hello")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consumeAll(bootstrap)).containsExactly("hello");

        long pid = Long.parseLong(Files.readString(localDir.resolve("broker.pid")).trim());
        assertThat(run("stop").exitCode()).isZero();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(run("status").exitCode()).isEqualTo(3);

        assertThat(run("start").exitCode()).isZero();
        assertThat(consumeAll(bootstrap)).as("a second start reuses the data").containsExactly("hello");
    }

    private static List<String> consumeAll(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "check-" + System.nanoTime(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("local.check"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KAFKA_LOCAL_DIR", localDir.toString());
        builder.environment().put("KAFKA_PORT", String.valueOf(port));
        builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
