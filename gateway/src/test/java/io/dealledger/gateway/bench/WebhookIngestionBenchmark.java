package io.dealledger.gateway.bench;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.dealledger.gateway.GatewayApplication;
import io.dealledger.gateway.auth.Hmac;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test: measures signed Books webhook ingestion (secret header + HMAC of the body, validation,
 * normalization, publish with acks=all, answer) through real HTTP against a local broker, and prints
 * requests/s and latency percentiles. Uses the broker at {@code -Dbench.bootstrap} (default 127.0.0.1:9092,
 * {@code bin/kafka-broker start}) when one is listening there, else starts an embedded KRaft broker in this
 * JVM. It writes tens of thousands of fake payments to books.events.v1: point it at a broker of its own.
 *
 * <p>Arguments: {@code [requests=20000] [concurrency=32] [warmup=3000]}.
 */
public final class WebhookIngestionBenchmark {

    private static final String ORG = "10234695";
    private static final String SECRET = "benchmark-books-secret";

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;

        EmbeddedKafkaKraftBroker embedded = null;
        String bootstrap = System.getProperty("bench.bootstrap", "127.0.0.1:9092");
        String[] hostPort = bootstrap.split(":");
        if (!listening(hostPort[0], Integer.parseInt(hostPort[1]))) {
            embedded = new EmbeddedKafkaKraftBroker(1, 6);
            embedded.brokerProperties(Map.of("auto.create.topics.enable", "false"));
            embedded.afterPropertiesSet();
            bootstrap = embedded.getBrokersAsString();
            System.out.println("broker: embedded KRaft at " + bootstrap + " (nothing listening on "
                    + String.join(":", hostPort) + ")");
        } else {
            System.out.println("broker: local broker at " + bootstrap);
        }
        ConfigurableApplicationContext gateway = new SpringApplication(GatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--logging.level.io.dealledger=WARN", "--logging.level.org.apache.kafka=WARN",
                "--dealledger.gateway.auth.crm.secrets=benchmark-crm-secret",
                "--dealledger.gateway.auth.crm-webhook.secrets=benchmark-crm-webhook",
                "--dealledger.gateway.auth.books.webhook-secrets=" + ORG + "=" + SECRET,
                "--dealledger.gateway.auth.books.body-signature.required=true");
        try {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/books/" + ORG);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            run(client, uri, warmup, concurrency, 0);
            long started = System.nanoTime();
            long[] latencies = run(client, uri, requests, concurrency, warmup);
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("signed Books webhooks: %d requests, concurrency %d, %.1f s%n", requests, concurrency, seconds);
            System.out.printf("throughput: %.0f requests/s%n", requests / seconds);
            System.out.printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", percentile(latencies, 0.50),
                    percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        } finally {
            gateway.close();
            if (embedded != null) {
                embedded.destroy();
            }
        }
    }

    private static long[] run(HttpClient client, URI uri, int count, int concurrency, int offset) throws Exception {
        long[] latencies = new long[count];
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            byte[] body = ("{\"payment\":{\"payment_id\":\"" + (460000000004000L + offset + n) + "\",\"amount\":"
                    + (100 + n % 900) + ".25,\"currency_code\":\"USD\",\"date\":\"2025-03-01\",\"customer_id\":"
                    + "\"460000000001001\",\"invoices\":[{\"invoice_id\":\"460000000003001\",\"amount_applied\":100}],"
                    + "\"last_modified_time\":\"2025-03-01T10:15:30-0700\"}}").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("X-Dealledger-Webhook-Secret", SECRET)
                    .header("X-Zoho-Webhook-Signature", Hmac.sha256Hex(SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            inFlight.acquire();
            long sent = System.nanoTime();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[n] = System.nanoTime() - sent;
                if (error != null || response.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + count + " webhooks were not answered 200");
        }
        return latencies;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
