package io.dealledger.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Books payment to CRM Deal field (issue 20), on the whole system (a broker, the emulator, the four services as their
 * own JVMs), a {@code main}, not a test: 100 sequential payments on one invoice, one every 2 s; each is timed from the
 * moment Books answered its payment to the first CRM read that shows the deal's new {@code Total_Paid} (CRM read every
 * 20 ms). Prints p50, p95 and the worst.
 *
 * <pre>
 *   mvn -B -q -DskipTests install &amp;&amp; cd support/system-tests &amp;&amp; mvn -q -o test-compile dependency:build-classpath \
 *       -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 *   java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.dealledger.system.WriteBackLatencyBenchmark
 * </pre>
 */
public final class WriteBackLatencyBenchmark {

    static final String ORG = Scenario.US_ORG;
    static final int PAYMENTS = Integer.getInteger("bench.payments", 100);
    static final Duration EVERY = Duration.ofSeconds(2);

    public static void main(String[] args) throws Exception {
        // polled as `bin/dealledger up` polls (the service's default, 288 s), not every 10 s as the system tests do:
        // those polls would spend a fifth of payment-service's Books minute, which the local stack does not
        try (SystemStack stack = new SystemStack(new SystemStack.Options(1, 1, Map.of(
                "PAYMENT_ORGANIZATIONS", ORG, "PAYMENT_POLL_INTERVAL", "288s")))) {
            ZohoApi zoho = stack.zohoApi();
            String deal = BooksEconomyBenchmark.deals(zoho, 1, 10_000).get(0);
            String invoiceId = BooksEconomyBenchmark.invoice(stack.gateway(), deal);
            String customer = zoho.invoice(ORG, invoiceId).path("customer_id").asString();
            List<Long> millis = new ArrayList<>();
            BigDecimal paid = BigDecimal.ZERO;
            Map<String, Long> callsBefore = booksCalls(stack);
            for (int i = 0; i < PAYMENTS; i++) {
                long next = System.nanoTime() + EVERY.toNanos();
                BigDecimal amount = new BigDecimal("10.00");
                zoho.recordPayment(ORG, customer, invoiceId, amount);
                long paidAt = System.nanoTime();
                paid = paid.add(amount);
                awaitCrm(zoho, deal, paid);
                millis.add((System.nanoTime() - paidAt) / 1_000_000);
                long rest = next - System.nanoTime();
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000);
                }
            }
            Collections.sort(millis);
            System.out.println();
            System.out.printf("Books payment -> CRM Deal Total_Paid, %d payments one every %d s: p50 %d ms, p95 %d ms,"
                    + " worst %d ms%n", PAYMENTS, EVERY.toSeconds(), percentile(millis, 50), percentile(millis, 95),
                    millis.get(millis.size() - 1));
            // what the payments cost: Books' per-minute limit is shared, so calls per payment bound the pace
            Map<String, Long> calls = booksCalls(stack);
            callsBefore.forEach((endpoint, count) -> calls.merge(endpoint, -count, Long::sum));
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("dealledger's Books calls during the payments: %d, %.2f per payment %s%n", total,
                    (double) total / PAYMENTS, calls);
        }
        // the shared embedded broker (testkit) lives as long as its JVM, and its threads are not daemons
        System.exit(0);
    }

    private static void awaitCrm(ZohoApi zoho, String deal, BigDecimal paid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode crm = zoho.deal(deal);
            if (crm.path("Total_Paid").isNumber() && crm.path("Total_Paid").decimalValue().compareTo(paid) == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("deal " + deal + " did not show Total_Paid " + paid + " within 2 minutes");
    }

    /** dealledger's Books calls to the org by method and endpoint (a Books user's actions are logged apart). */
    private static Map<String, Long> booksCalls(SystemStack stack) {
        Map<String, Long> byEndpoint = new java.util.TreeMap<>();
        for (JsonNode row : stack.zoho.admin().get("calls?family=books&organization_id=" + ORG).path("calls")
                .values()) {
            byEndpoint.merge(row.path("method").asString() + " " + row.path("endpoint").asString(),
                    row.path("count").asLong(), Long::sum);
        }
        return byEndpoint;
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private WriteBackLatencyBenchmark() {
    }
}
