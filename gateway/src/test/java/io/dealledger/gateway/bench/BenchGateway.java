package io.dealledger.gateway.bench;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import io.dealledger.gateway.GatewayApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway for a benchmark: on the broker at {@code -Dbench.bootstrap} (default 127.0.0.1:9092, {@code
 * bin/kafka-broker start}) when one is listening there, else on an embedded KRaft broker in this JVM; Books webhooks
 * of {@link #ORG} signed with {@link #SECRET} (header and body signature required). It also answers {@code GET
 * /bench/noop} with 204 and nothing else: the same server's floor, registered here only, never in the product.
 */
final class BenchGateway implements AutoCloseable {

    static final String ORG = "10234695";
    static final String SECRET = "benchmark-books-secret";
    static final String NOOP = "/bench/noop";

    private final ConfigurableApplicationContext gateway;
    private final EmbeddedKafkaKraftBroker embedded;
    final int port;

    private BenchGateway(ConfigurableApplicationContext gateway, EmbeddedKafkaKraftBroker embedded) {
        this.gateway = gateway;
        this.embedded = embedded;
        this.port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    static BenchGateway start() {
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
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("benchNoop",
                RouterFunction.class, () -> RouterFunctions.route().GET(NOOP, request -> ServerResponse.noContent()
                        .build()).build()));
        ConfigurableApplicationContext gateway = application.run(
                "--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--logging.level.io.dealledger=WARN", "--logging.level.org.apache.kafka=WARN",
                "--logging.level.org.springframework=WARN",
                "--dealledger.gateway.auth.crm.secrets=benchmark-crm-secret",
                "--dealledger.gateway.auth.operator.secrets=benchmark-operator-secret",
                "--dealledger.gateway.auth.crm-webhook.secrets=benchmark-crm-webhook",
                "--dealledger.gateway.auth.books.webhook-secrets=" + ORG + "=" + SECRET,
                "--dealledger.gateway.auth.books.body-signature.required=true");
        return new BenchGateway(gateway, embedded);
    }

    /** A Books payment webhook body, a different payment for each {@code n}. */
    static byte[] paymentBody(long n) {
        return ("{\"payment\":{\"payment_id\":\"" + (460000000004000L + n) + "\",\"amount\":" + (100 + n % 900)
                + ".25,\"currency_code\":\"USD\",\"date\":\"2025-03-01\",\"customer_id\":\"460000000001001\","
                + "\"invoices\":[{\"invoice_id\":\"460000000003001\",\"amount_applied\":100}],"
                + "\"last_modified_time\":\"2025-03-01T10:15:30-0700\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        gateway.close();
        if (embedded != null) {
            embedded.destroy();
        }
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
