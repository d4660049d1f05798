package io.dealledger.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one public HTTP entry: authenticates and validates CRM calls and Books webhooks and turns them into
 * events. Configuration: {@code config.GatewayProperties} and {@code auth.AuthProperties}; routes:
 * {@code invoicerequest} (with the preview), {@code invoicelink}, {@code webhook.books}, {@code webhook.crm},
 * {@code query}, {@code deadletter}; every accepted request goes through {@code publish.EventPublisher}, every
 * proxied one through {@code http.UpstreamService}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
