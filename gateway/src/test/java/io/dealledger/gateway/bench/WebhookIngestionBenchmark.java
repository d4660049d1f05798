package io.dealledger.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.dealledger.gateway.auth.Hmac;

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

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;

        try (BenchGateway gateway = BenchGateway.start()) {
            URI uri = URI.create("http://127.0.0.1:" + gateway.port + "/webhooks/books/" + BenchGateway.ORG);
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
        }
    }

    private static long[] run(HttpClient client, URI uri, int count, int concurrency, int offset) throws Exception {
        long[] latencies = new long[count];
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            byte[] body = BenchGateway.paymentBody(offset + n);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("X-Dealledger-Webhook-Secret", BenchGateway.SECRET)
                    .header("X-Zoho-Webhook-Signature", Hmac.sha256Hex(BenchGateway.SECRET, body))
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

}
