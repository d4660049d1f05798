package io.dealledger.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.ZohoEmulator;
import io.dealledger.testkit.kafka.SharedKafka;

/**
 * The whole system for the end-to-end test: a real Kafka broker and the Zoho emulator in this JVM, the four
 * services as their own JVMs from their built jars, wired as bin/dealledger wires them.
 */
final class SystemStack implements AutoCloseable {

    static final String SIGNING_SECRET = "e2e-crm-signing-secret-0001";
    static final String OPERATOR_SECRET = "e2e-operator-signing-secret-0001";
    /** Each Books organization has its own webhook secret, as in production: one's is refused for the other. */
    static final String US_BOOKS_SECRET = "e2e-books-webhook-secret-us01";
    static final String UK_BOOKS_SECRET = "e2e-books-webhook-secret-uk01";
    static final String CRM_SECRET = "e2e-crm-webhook-secret-0001";

    final ZohoEmulator zoho;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Duration startedIn;

    SystemStack() throws IOException {
        long start = System.nanoTime();
        String bootstrap = SharedKafka.bootstrapServers();
        int gatewayPort = ServiceProcess.freePort();
        int ledgerPort = ServiceProcess.freePort();
        int invoicePort = ServiceProcess.freePort();
        String booksSecrets = Scenario.US_ORG + "=" + US_BOOKS_SECRET + "," + Scenario.UK_ORG + "=" + UK_BOOKS_SECRET;
        zoho = ZohoEmulator.start(Map.of(
                "zoho-emulator.books.webhooks.url", "http://127.0.0.1:" + gatewayPort + "/webhooks/books/{organization_id}",
                "zoho-emulator.books.webhooks.secret-header", "X-Dealledger-Webhook-Secret",
                "zoho-emulator.books.webhooks.organization-secrets", booksSecrets));
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("DEALLEDGER_ZOHO_ENABLED", "true");
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
        env.put("SERVER_ADDRESS", "127.0.0.1"); // the widget's local mode needs loopback (and its e2e- secret)
        env.put("DEALLEDGER_WIDGET_LOCAL_MODE", "true");
        env.put("INVOICE_MARK_SENT", "true");
        env.put("PAYMENT_ORGANIZATIONS", Scenario.US_ORG + "," + Scenario.UK_ORG);
        env.put("PAYMENT_POLL_INTERVAL", "2s");
        env.put("LEDGER_APPLICATION_ID", "ledger-e2e-" + System.nanoTime());
        env.put("LEDGER_STATE_DIR", ServiceProcess.ROOT.resolve("support/system-tests/target/ledger-state").toString());
        services.put("gateway", ServiceProcess.start("gateway", env, gatewayPort, ServiceProcess.freePort()));
        services.put("invoice-service", ServiceProcess.start("invoice-service", env, invoicePort,
                ServiceProcess.freePort()));
        services.put("payment-service", ServiceProcess.start("payment-service", env));
        services.put("ledger-projection-service", ServiceProcess.start("ledger-projection-service", env, ledgerPort,
                ServiceProcess.freePort()));
        services.values().forEach(service -> service.awaitReady(Duration.ofMinutes(3)));
        startedIn = Duration.ofNanos(System.nanoTime() - start);
    }

    GatewayClient gateway() {
        return new GatewayClient(services.get("gateway").baseUrl(), SIGNING_SECRET, OPERATOR_SECRET);
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
        zoho.close();
    }
}
