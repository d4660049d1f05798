package io.dealledger.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.testkit.kafka.SharedKafka;

/**
 * The whole system for the end-to-end tests: a real Kafka broker and the Zoho emulator in this JVM, the four
 * services as their own JVMs from their built jars, wired as bin/dealledger wires them. Each stack is its own
 * deployment (its own Books budgets), and may run several instances of invoice-service and payment-service.
 */
final class SystemStack implements AutoCloseable {

    static final String SIGNING_SECRET = "e2e-crm-signing-secret-0001";
    static final String OPERATOR_SECRET = "e2e-operator-signing-secret-0001";
    /** Each Books organization has its own webhook secret, as in production: one's is refused for the other. */
    static final String US_BOOKS_SECRET = "e2e-books-webhook-secret-us01";
    static final String UK_BOOKS_SECRET = "e2e-books-webhook-secret-uk01";
    static final String CRM_SECRET = "e2e-crm-webhook-secret-0001";
    /** The emulated orgs' daily Books cap, and what dealledger is told it is. */
    static final int BOOKS_DAILY_CAP = 200_000;

    /**
     * @param invoiceInstances how many invoice-service JVMs
     * @param paymentInstances how many payment-service JVMs
     * @param environment      settings on top of the defaults below, for every service
     * @param emulator         the emulator's settings on top of the defaults below
     * @param gatewayInstances how many gateway JVMs
     * @param ledgerInstances  how many ledger-projection-service JVMs
     * @param bootstrap        the Kafka broker; null for the test JVM's shared embedded broker
     */
    record Options(int invoiceInstances, int paymentInstances, Map<String, String> environment,
                   Map<String, String> emulator, int gatewayInstances, int ledgerInstances, String bootstrap) {
        Options(int invoiceInstances, int paymentInstances, Map<String, String> environment,
                Map<String, String> emulator) {
            this(invoiceInstances, paymentInstances, environment, emulator, 1, 1, null);
        }

        Options(int invoiceInstances, int paymentInstances, Map<String, String> environment) {
            this(invoiceInstances, paymentInstances, environment, Map.of());
        }

        static Options defaults() {
            return new Options(1, 1, Map.of());
        }

        /** {@code instances} JVMs of every service, on the broker at {@code bootstrap}. */
        static Options everyService(int instances, String bootstrap, Map<String, String> environment,
                                    Map<String, String> emulator) {
            return new Options(instances, instances, environment, emulator, instances, instances, bootstrap);
        }
    }

    final ZohoEmulator zoho;
    /** Every running JVM by instance name ({@code gateway}, or {@code gateway-1}, {@code gateway-2} when several). */
    final Map<String, ServiceProcess> services = new java.util.concurrent.ConcurrentHashMap<>();
    final Duration startedIn;
    private final List<TcpBalancer> balancers = new ArrayList<>();
    private final int gatewayPort;

    SystemStack() throws IOException {
        this(Options.defaults());
    }

    SystemStack(Options options) throws IOException {
        long start = System.nanoTime();
        String bootstrap = options.bootstrap() != null ? options.bootstrap() : SharedKafka.bootstrapServers();
        gatewayPort = ServiceProcess.freePort();
        int ledgerPort = ServiceProcess.freePort();
        int invoicePort = ServiceProcess.freePort();
        int paymentPort = ServiceProcess.freePort();
        String booksSecrets = Scenario.US_ORG + "=" + US_BOOKS_SECRET + "," + Scenario.UK_ORG + "=" + UK_BOOKS_SECRET;
        // Zoho's real per-minute and in-flight limits; a plan whose day fits a poll every ten seconds
        Map<String, Object> emulator = new HashMap<>(Map.of(
                "zoho-emulator.books.webhooks.url", "http://127.0.0.1:" + gatewayPort + "/webhooks/books/{organization_id}",
                "zoho-emulator.books.webhooks.secret-header", "X-Dealledger-Webhook-Secret",
                "zoho-emulator.books.webhooks.organization-secrets", booksSecrets,
                "zoho-emulator.books.limits.daily", String.valueOf(BOOKS_DAILY_CAP)));
        emulator.putAll(options.emulator());
        zoho = ZohoEmulator.start(emulator);
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("DEALLEDGER_ZOHO_ENABLED", "true");
        env.put("DEALLEDGER_DEPLOYMENT", "e2e-" + UUID.randomUUID());
        env.put("ZOHO_ACCOUNTS_URL", zoho.baseUrl());
        env.put("ZOHO_API_URL", zoho.baseUrl());
        env.put("ZOHO_CLIQ_URL", zoho.baseUrl());
        env.put("ZOHO_CLIENT_ID", zoho.clientId());
        env.put("ZOHO_CLIENT_SECRET", zoho.clientSecret());
        env.put("ZOHO_REFRESH_TOKEN", zoho.refreshToken());
        env.put("ZOHO_RETRY_FIRST_BACKOFF", "100ms");
        env.put("ZOHO_RETRY_MAX_BACKOFF", "2s");
        env.put("DEALLEDGER_CRM_SIGNING_SECRET", SIGNING_SECRET);
        env.put("DEALLEDGER_OPERATOR_SIGNING_SECRET", OPERATOR_SECRET);
        env.put("DEALLEDGER_BOOKS_WEBHOOK_SECRETS", booksSecrets);
        env.put("DEALLEDGER_CRM_WEBHOOK_SECRET", CRM_SECRET);
        env.put("DEALLEDGER_DEFAULT_ORGANIZATION_ID", Scenario.US_ORG);
        env.put("DEALLEDGER_LEDGER_URL", "http://127.0.0.1:" + ledgerPort);
        env.put("DEALLEDGER_INVOICE_SERVICE_URL", "http://127.0.0.1:" + invoicePort);
        // the gateway forwards operators' backfills and every service's dead-letter replays to their owners
        env.put("DEALLEDGER_PAYMENT_SERVICE_URL", "http://127.0.0.1:" + paymentPort);
        env.put("SERVER_ADDRESS", "127.0.0.1"); // the widget's local mode needs loopback (and its e2e- secret)
        env.put("DEALLEDGER_WIDGET_LOCAL_MODE", "true");
        env.put("INVOICE_MARK_SENT", "true");
        env.put("PAYMENT_ORGANIZATIONS", Scenario.US_ORG + "," + Scenario.UK_ORG);
        // a dropped webhook is caught within 10 s; two orgs polled cost 12 of payment-service's 30 calls a minute
        env.put("PAYMENT_POLL_INTERVAL", "10s");
        env.put("ZOHO_BOOKS_DAILY", String.valueOf(BOOKS_DAILY_CAP));
        env.put("LEDGER_APPLICATION_ID", "ledger-e2e-" + System.nanoTime());
        env.put("LEDGER_STATE_DIR", ServiceProcess.ROOT.resolve("support/system-tests/target/ledger-state").toString());
        env.putAll(options.environment());
        String stateDir = env.get("LEDGER_STATE_DIR");
        List<ServiceProcess> started = new ArrayList<>();
        started.addAll(startInstances("gateway", options.gatewayInstances(), gatewayPort, env, port -> Map.of()));
        started.addAll(startInstances("invoice-service", options.invoiceInstances(), invoicePort, env, port -> Map.of()));
        started.addAll(startInstances("payment-service", options.paymentInstances(), paymentPort, env,
                port -> Map.of()));
        // several projection instances: each its own state directory, and the address other instances forward its
        // keys' queries to
        started.addAll(startInstances("ledger-projection-service", options.ledgerInstances(), ledgerPort, env,
                port -> options.ledgerInstances() == 1 ? Map.of() : Map.of("LEDGER_APPLICATION_SERVER", "127.0.0.1:" + port,
                        "LEDGER_STATE_DIR", stateDir + "-" + port)));
        started.forEach(service -> service.awaitReady(Duration.ofMinutes(3)));
        startedIn = Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * One instance on {@code port}, or several on ports of their own behind a {@link TcpBalancer} on {@code port},
     * as the other services and Zoho reach them.
     */
    private List<ServiceProcess> startInstances(String module, int instances, int port, Map<String, String> env,
                                                java.util.function.IntFunction<Map<String, String>> own)
            throws IOException {
        List<ServiceProcess> started = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            int instancePort = instances == 1 ? port : ServiceProcess.freePort();
            Map<String, String> environment = new HashMap<>(env);
            environment.putAll(own.apply(instancePort));
            ServiceProcess service = ServiceProcess.start(module, instanceName(module, i, instances), environment,
                    instancePort, ServiceProcess.freePort());
            services.put(service.name, service);
            started.add(service);
            ports.add(instancePort);
        }
        if (instances > 1) {
            balancers.add(new TcpBalancer(port, ports));
        }
        return started;
    }

    /** Where Books' webhooks, CRM and the widget reach the gateway (its balancer when there are several). */
    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** kill -9 of one instance, then the same instance started again; answers once it is ready. */
    void killAndRestart(String instance) throws IOException {
        ServiceProcess killed = services.get(instance);
        killed.kill();
        ServiceProcess restarted = killed.restart();
        services.put(instance, restarted);
        restarted.awaitReady(Duration.ofMinutes(3));
    }

    private static String instanceName(String module, int instance, int instances) {
        return instances == 1 ? module : module + "-" + instance;
    }

    GatewayClient gateway() {
        return new GatewayClient(gatewayUrl(), SIGNING_SECRET, OPERATOR_SECRET);
    }

    ZohoApi zohoApi() {
        return new ZohoApi(zoho.baseUrl(), zoho.clientId(), zoho.clientSecret(), zoho.refreshToken());
    }

    List<String> metricsTargets() {
        List<String> targets = new ArrayList<>();
        services.values().forEach(service -> targets.add(service.metricsUrl()));
        return targets;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        balancers.forEach(TcpBalancer::close);
        zoho.close();
    }
}
