package io.dealledger.system;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dealledger.emulator.seed.SeedIds;
import tools.jackson.databind.JsonNode;

/**
 * What dealledger spends of a Books organization's API budget (issue 15), measured on the whole system (a broker, the
 * emulator at Zoho's real limits, the four services as their own JVMs), a {@code main}, not a test. Prints:
 * <ul>
 * <li>Books calls per invoice, cold (the first of a fresh stack: organization, taxes, customer, items to look up)
 * and warm;</li>
 * <li>Books calls per payment, one webhook at a time, and in a burst of 600 payments;</li>
 * <li>the burst's drain time against its floor: the calls it needed divided by payment-service's budget;</li>
 * <li>the safety-net poller's idle calls per organization per hour, at the default interval.</li>
 * </ul>
 * Calls are counted from each service's own metrics (permits its Books budget granted, by priority), so a Books
 * user's actions and the other services never blur a figure.
 *
 * <pre>
 *   mvn -B -q -DskipTests install &amp;&amp; cd support/system-tests &amp;&amp; mvn -q -o test-compile dependency:build-classpath \
 *       -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 *   java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.dealledger.system.BooksEconomyBenchmark
 * </pre>
 */
public final class BooksEconomyBenchmark {

    static final String ORG = Scenario.US_ORG;
    static final int WARM_INVOICES = 10;
    static final int BURST_INVOICES = 60;
    static final int BURST_PAYMENTS = 600;
    static final int LOW_RATE_PAYMENTS = 20;
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(288);
    /** payment-service's share of Zoho's 100 a minute (application.yml). */
    static final int PAYMENT_PER_MINUTE = 30;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        try (SystemStack stack = new SystemStack(new SystemStack.Options(1, 1, Map.of(
                "PAYMENT_POLL_INTERVAL", "5s", "PAYMENT_ORGANIZATIONS", ORG)))) {
            ZohoApi zoho = stack.zohoApi();
            GatewayClient gateway = stack.gateway();
            ServiceProcess invoices = stack.services.get("invoice-service");
            ServiceProcess payments = stack.services.get("payment-service");

            // invoices: the first of a fresh stack, then warm ones on the same account
            List<String> deals = deals(zoho, 1 + WARM_INVOICES + BURST_INVOICES, 1000);
            long before = granted(invoices, "high");
            String first = invoice(gateway, deals.get(0));
            long cold = granted(invoices, "high") - before;
            before = granted(invoices, "high");
            for (int i = 1; i <= WARM_INVOICES; i++) {
                invoice(gateway, deals.get(i));
            }
            double warm = (granted(invoices, "high") - before) / (double) WARM_INVOICES;

            // payments one at a time: each webhook verified on its own
            JsonNode invoice = zoho.invoice(ORG, first);
            String customer = invoice.path("customer_id").asString();
            before = granted(payments, "high");
            for (int i = 0; i < LOW_RATE_PAYMENTS; i++) {
                zoho.recordPayment(ORG, customer, first, new BigDecimal("10.00"));
                awaitPaid(zoho, deals.get(0), new BigDecimal("10.00").multiply(BigDecimal.valueOf(i + 1)));
            }
            double lowRate = (granted(payments, "high") - before) / (double) LOW_RATE_PAYMENTS;

            // a burst: 600 payments on 60 invoices, made as fast as Books takes them
            List<String> burstInvoices = new ArrayList<>();
            for (int i = 0; i < BURST_INVOICES; i++) {
                burstInvoices.add(invoice(gateway, deals.get(1 + WARM_INVOICES + i)));
            }
            awaitQuiet(payments);
            before = granted(payments, "high");
            long burstStart = System.nanoTime();
            ExecutorService books = Executors.newFixedThreadPool(8);
            List<Future<?>> made = new ArrayList<>();
            for (int p = 0; p < BURST_PAYMENTS; p++) {
                String target = burstInvoices.get(p % BURST_INVOICES);
                made.add(books.submit(() -> zoho.recordPayment(ORG, customer(zoho, target), target,
                        new BigDecimal("10.00"))));
            }
            for (Future<?> payment : made) {
                payment.get();
            }
            books.shutdown();
            Duration madeIn = Duration.ofNanos(System.nanoTime() - burstStart);
            BigDecimal each = new BigDecimal("10.00").multiply(BigDecimal.valueOf(BURST_PAYMENTS / BURST_INVOICES));
            for (int i = 0; i < BURST_INVOICES; i++) {
                awaitPaid(zoho, deals.get(1 + WARM_INVOICES + i), each);
            }
            Duration drained = Duration.ofNanos(System.nanoTime() - burstStart);
            long burstCalls = granted(payments, "high") - before;
            Duration floor = Duration.ofMillis(burstCalls * 60_000L / PAYMENT_PER_MINUTE);

            // idle: nothing changes in Books, the poller passes
            awaitQuiet(payments);
            long lowBefore = granted(payments, "low");
            long passesBefore = passes(payments);
            Waits.until("12 idle poller passes", () -> passes(payments), done -> done >= passesBefore + 12,
                    Duration.ofMinutes(3));
            long idleCalls = granted(payments, "low") - lowBefore;
            long passes = passes(payments) - passesBefore;
            double perPass = passes == 0 ? Double.NaN : idleCalls / (double) passes;
            double perHour = perPass * Duration.ofHours(1).toSeconds() / DEFAULT_POLL_INTERVAL.toSeconds();

            System.out.println();
            System.out.println("Books calls per invoice        cold " + cold + ", warm " + String.format("%.2f", warm)
                    + " (over " + WARM_INVOICES + ")");
            System.out.println("Books calls per payment        one webhook at a time " + String.format("%.2f", lowRate)
                    + " (over " + LOW_RATE_PAYMENTS + "); in a burst of " + BURST_PAYMENTS + " "
                    + String.format("%.3f", burstCalls / (double) BURST_PAYMENTS) + " (" + burstCalls + " calls)");
            System.out.println("Burst of " + BURST_PAYMENTS + " payments          made in Books in " + madeIn.toSeconds()
                    + " s; every deal exact in CRM " + drained.toSeconds() + " s after the first; floor "
                    + floor.toMillis() / 1000.0 + " s (" + burstCalls + " calls at " + PAYMENT_PER_MINUTE + "/min)");
            System.out.println("Idle poller                    " + String.format("%.2f", perPass) + " calls per pass ("
                    + idleCalls + " calls, " + passes + " passes); at the default " + DEFAULT_POLL_INTERVAL.toSeconds()
                    + " s interval " + String.format("%.1f", perHour) + " calls per org per hour, "
                    + String.format("%.0f", perHour * 24) + " a day");
        }
        // the shared embedded broker (testkit) lives as long as its JVM, and its threads are not daemons
        System.exit(0);
    }

    static List<String> deals(ZohoApi zoho, int count, int amount) {
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deals.add(zoho.createRecord("Deals", "{\"Deal_Name\":\"Benchmark deal " + i + "\",\"Stage\":\"Closed Won\","
                    + "\"Amount\":" + amount + ",\"Currency\":\"USD\",\"Account_Name\":{\"id\":\""
                    + SeedIds.ACCOUNT_GLOBEX_CA + "\"}}"));
        }
        return deals;
    }

    /** Presses the button and waits for the invoice; answers its Books id. */
    static String invoice(GatewayClient gateway, String deal) {
        String request = gateway.requestInvoice(deal, null);
        return Waits.until("invoice of " + deal, () -> gateway.requestOutcome(request),
                answer -> "issued".equals(answer.path("status").asString()), Duration.ofMinutes(5))
                .path("invoice").path("invoiceId").asString();
    }

    private static final Map<String, String> CUSTOMERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String customer(ZohoApi zoho, String invoiceId) {
        return CUSTOMERS.computeIfAbsent(invoiceId, id -> zoho.invoice(ORG, id).path("customer_id").asString());
    }

    private static void awaitPaid(ZohoApi zoho, String deal, BigDecimal paid) {
        Waits.until("deal " + deal + " paid " + paid, () -> zoho.deal(deal), crm -> crm.path("Total_Paid").isNumber()
                && crm.path("Total_Paid").decimalValue().compareTo(paid) == 0, Duration.ofMinutes(10));
    }

    /** Until payment-service has granted no HIGH call for a few seconds. */
    private static void awaitQuiet(ServiceProcess service) {
        long[] last = {-1};
        Waits.until(service.name + " quiet", () -> {
            long now = granted(service, "high");
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        }, quiet -> quiet, Duration.ofMinutes(5));
    }

    /** Books calls the service's budget let through for the org, at {@code priority}. */
    static long granted(ServiceProcess service, String priority) {
        return (long) sum(service, "dealledger_books_budget_wait_seconds_count\\{[^}]*org=\"" + ORG + "\"[^}]*priority=\""
                + priority + "\"[^}]*\\}");
    }

    static long passes(ServiceProcess service) {
        return (long) sum(service, "dealledger_payment_poller_polls_total\\{[^}]*outcome=\"ok\"[^}]*\\}");
    }

    private static double sum(ServiceProcess service, String series) {
        String body;
        try {
            body = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + service.metricsUrl() + "/actuator/prometheus"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(body);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private BooksEconomyBenchmark() {
    }
}
