package io.dealledger.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dealledger.gateway.auth.Hmac;

/**
 * Not a test: the gateway's signed Books webhook route against a no-op route on the same server ({@code GET
 * /bench/noop}), both driven by {@code wrk} in a process of its own (installed from Debian's packages when missing),
 * at each concurrency, and the ratio of the two from the same run, so a busy machine still compares fairly. The
 * webhook route does what production does: secret header and body HMAC checked, payload validated and normalized,
 * the event published with acks=all before the 200. Three routes between them ({@link BenchGateway}: a POST answered
 * without Kafka, a bare producer's send, one fixed event through the product's publisher) split the gap, so the
 * figures also say how much of it is the webhook's own work. Broker as {@link BenchGateway} says (a local one, or embedded in
 * this JVM, which then shares the cores with the gateway and wrk: say so when quoting figures).
 *
 * <p>After each run it prints where the cores went ({@link CpuShares}: this JVM, the broker given by {@code
 * -Dbench.broker.pid}, the rest, idle). Arguments: {@code [seconds=15] [connections=8,32] [threads=2] [rounds=3]}, and {@code -Dbench.warmup=20}
 * (seconds of each route before the figures). Command (gateway module): {@code mvn -q -o
 * test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test} then
 * {@code java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.dealledger.events -cp
 * "target/test-classes:target/classes:$(cat target/bench.classpath)" io.dealledger.gateway.bench.WebhookRouteBenchmark}.
 */
public final class WebhookRouteBenchmark {

    /** Distinct signed payments the load generator cycles through. */
    private static final int BODIES = 20_000;

    record Figures(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<Integer> connections = new ArrayList<>();
        for (String c : (args.length > 1 ? args[1] : "8,32").split(",")) {
            connections.add(Integer.parseInt(c.trim()));
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int warmup = Integer.getInteger("bench.warmup", 20);
        ensureWrk();
        try (BenchGateway gateway = BenchGateway.start()) {
            String base = "http://127.0.0.1:" + gateway.port;
            Path script = signedWebhooks();
            // warm both routes up (JIT, connection pools, the producer's metadata), figures thrown away. The JIT is
            // still compiling the webhook route's code after 5 s on two busy cores, which made the first points slow
            for (Route route : ROUTES) {
                wrk(threads, connections.get(0), warmup, base + route.path(), route.signed() ? script : null);
            }
            System.out.printf("%-12s %-28s %12s %10s %10s %8s%n", "connections", "route", "requests/s", "p50 ms",
                    "p99 ms", "non-2xx");
            for (int c : connections) {
                // the routes alternate, round after round, so a slow spell of the machine touches them all
                Map<String, List<Double>> ratios = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    Map<String, Double> rates = new LinkedHashMap<>();
                    for (Route route : ROUTES) {
                        rates.put(route.path(), run(c, route.name(), () -> wrk(threads, c, seconds,
                                base + route.path(), route.signed() ? script : null)).requestsPerSecond());
                    }
                    StringBuilder line = new StringBuilder();
                    for (Ratio ratio : RATIOS) {
                        double value = rates.get(ratio.over()) / rates.get(ratio.under());
                        ratios.computeIfAbsent(ratio.name(), name -> new ArrayList<>()).add(value);
                        line.append(line.isEmpty() ? "" : ", ").append(ratio.name().split(" ")[0])
                                .append(String.format(Locale.ROOT, " %.3f", value));
                    }
                    System.out.printf(Locale.ROOT, "%-12d round %d ratios (requests/s): %s%n", c, round + 1, line);
                }
                ratios.forEach((name, values) -> median(c, name, values));
            }
        }
    }

    /** A route of the benchmark's server, and whether wrk sends it the signed payment bodies. */
    private record Route(String name, String path, boolean signed) {
    }

    private static final String WEBHOOK = "/webhooks/books/" + BenchGateway.ORG;

    /** In the order each round runs them. */
    private static final List<Route> ROUTES = List.of(
            new Route("GET /bench/noop (floor)", BenchGateway.NOOP, false),
            new Route("POST /bench/answer", BenchGateway.ANSWER, true),
            new Route("POST /bench/publish", BenchGateway.PUBLISH, true),
            new Route("POST /bench/producer", BenchGateway.PRODUCER, true),
            new Route("POST /webhooks/books/{org}", WEBHOOK, true));

    /** A ratio of two routes' rates ({@code over} / {@code under}, by path), printed per round and as a median. */
    private record Ratio(String name, String over, String under) {
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("signed/noop", WEBHOOK, BenchGateway.NOOP),
            new Ratio("publish/noop (the floor of acks=all before the answer)", BenchGateway.PUBLISH,
                    BenchGateway.NOOP),
            new Ratio("answer/noop (a POST's body read and the 200's JSON, no Kafka)", BenchGateway.ANSWER,
                    BenchGateway.NOOP),
            new Ratio("producer/noop (a bare producer's send, acks=all)", BenchGateway.PRODUCER, BenchGateway.NOOP),
            new Ratio("signed/publish (the webhook's own work)", WEBHOOK, BenchGateway.PUBLISH));

    private interface Run {
        Figures call() throws Exception;
    }

    /** One wrk run, printed with where the cores went meanwhile. */
    private static Figures run(int connections, String route, Run run) throws Exception {
        CpuShares start = CpuShares.now();
        Figures figures = run.call();
        CpuShares end = CpuShares.now();
        print(connections, route, figures);
        System.out.printf("%-12s %s%n", "", end.since(start));
        return figures;
    }

    private static void median(int connections, String name, List<Double> ratios) {
        List<Double> sorted = new ArrayList<>(ratios);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%-12d %s ratio, median of %d rounds: %.3f (lowest %.3f, highest %.3f)%n",
                connections, name, sorted.size(), sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static void print(int connections, String route, Figures figures) {
        System.out.printf(Locale.ROOT, "%-12d %-28s %12.0f %10.2f %10.2f %8d%n", connections, route,
                figures.requestsPerSecond(), figures.p50Millis(), figures.p99Millis(), figures.non2xx());
    }

    /**
     * A wrk script that sends a different signed payment each request (each thread from its own offset), to the path
     * of the URL wrk is given ({@code wrk.path}: a request the script formats carries its own path, and wrk's URL
     * then only names the server).
     */
    private static Path signedWebhooks() throws IOException {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        StringBuilder signatures = new StringBuilder("local signatures = {\n");
        for (int n = 0; n < BODIES; n++) {
            byte[] body = BenchGateway.paymentBody(n);
            lua.append("[[").append(new String(body, StandardCharsets.UTF_8)).append("]],\n");
            signatures.append('"').append(Hmac.sha256Hex(BenchGateway.SECRET, body)).append("\",\n");
        }
        lua.append("}\n").append(signatures).append("}\n").append("""
                local requests = {}
                local counter = 0
                local started = 0
                function setup(thread)
                  thread:set("offset", started * 7919)
                  started = started + 1
                end
                function init(args)
                  for k = 1, #bodies do
                    requests[k] = wrk.format("POST", wrk.path, {
                      ["Content-Type"] = "application/json",
                      ["X-Dealledger-Webhook-Secret"] = "%s",
                      ["X-Zoho-Webhook-Signature"] = signatures[k]}, bodies[k])
                  end
                  counter = offset or 0
                end
                function request()
                  counter = counter + 1
                  return requests[(counter %% #requests) + 1]
                end
                """.formatted(BenchGateway.SECRET));
        Path script = Files.createTempFile("signed-webhooks", ".lua");
        Files.writeString(script, lua);
        script.toFile().deleteOnExit();
        return script;
    }

    private static Figures wrk(int threads, int connections, int seconds, String url, Path script) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return new Figures(number(output, "Requests/sec:\\s+([0-9.]+)"), millis(output, "50%"), millis(output, "99%"),
                (long) numberOr(output, "Non-2xx or 3xx responses:\\s+([0-9]+)", 0));
    }

    private static double millis(String output, String percentile) {
        Matcher matcher = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output: " + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no match for " + pattern + " in wrk's output: " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double numberOr(String output, String pattern, double otherwise) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : otherwise;
    }

    /** wrk from Debian's packages, as bin/test installs its tools. */
    private static void ensureWrk() throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0) {
            return;
        }
        System.out.println("installing wrk from Debian's packages");
        Process install = new ProcessBuilder("sh", "-c", "sudo=''; [ \"$(id -u)\" -ne 0 ] && sudo=sudo;"
                + " $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q"
                + " --no-install-recommends wrk >/dev/null").inheritIO().start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("could not install wrk (apt-get install wrk)");
        }
    }
}
