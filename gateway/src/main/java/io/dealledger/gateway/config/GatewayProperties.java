package io.dealledger.gateway.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway handles requests (prefix {@code dealledger.gateway}); every default is in application.yml.
 *
 * @param defaultOrganizationId Books organization of a link/unlink request that names none
 *                              ({@code DEALLEDGER_DEFAULT_ORGANIZATION_ID}); empty: the caller must name it
 * @param ledgerUrl             base URL of ledger-projection-service for the read routes
 *                              ({@code DEALLEDGER_LEDGER_URL}); empty: read routes answer 503
 * @param invoiceServiceUrl     base URL of invoice-service for invoice previews
 *                              ({@code DEALLEDGER_INVOICE_SERVICE_URL}); empty: previews answer 503
 * @param paymentServiceUrl     base URL of payment-service for the operators' backfill routes
 *                              ({@code DEALLEDGER_PAYMENT_SERVICE_URL}); empty: they answer 503
 * @param maxBodySize           larger request bodies are refused with 413
 * @param publishTimeout        longest wait for Kafka's acknowledgement before answering 503
 * @param ledgerTimeout         longest wait for ledger-projection-service on a read route
 * @param invoiceServiceTimeout longest wait for invoice-service on a preview (it reads CRM and Books)
 * @param paymentServiceTimeout longest wait for payment-service to start a backfill or report on one
 * @param reconciliationTimeout longest wait for a reconciliation run, which answers when it is done
 * @param deadLetterTimeout     longest wait for the broker while reading the dead-letter topics
 * @param deadLetterReplayTimeout longest wait for the owning service to replay dead letters through its listeners
 *                              (each may call Books, as an invoice push does)
 * @param idempotency           the per-instance memory of Idempotency-Keys
 */
@ConfigurationProperties("dealledger.gateway")
public record GatewayProperties(
        String defaultOrganizationId,
        String ledgerUrl,
        String invoiceServiceUrl,
        String paymentServiceUrl,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("5s") Duration ledgerTimeout,
        @DefaultValue("15s") Duration invoiceServiceTimeout,
        @DefaultValue("10s") Duration paymentServiceTimeout,
        @DefaultValue("10m") Duration reconciliationTimeout,
        @DefaultValue("10s") Duration deadLetterTimeout,
        @DefaultValue("5m") Duration deadLetterReplayTimeout,
        @DefaultValue Idempotency idempotency) {

    public GatewayProperties {
        defaultOrganizationId = blankToNull(defaultOrganizationId);
        if (defaultOrganizationId != null && !defaultOrganizationId.matches("[0-9]{1,30}")) {
            throw new IllegalArgumentException("dealledger.gateway.default-organization-id"
                    + " (DEALLEDGER_DEFAULT_ORGANIZATION_ID) must be a Books organization id (digits)");
        }
        ledgerUrl = httpUrl("ledger-url", "DEALLEDGER_LEDGER_URL", ledgerUrl);
        invoiceServiceUrl = httpUrl("invoice-service-url", "DEALLEDGER_INVOICE_SERVICE_URL", invoiceServiceUrl);
        paymentServiceUrl = httpUrl("payment-service-url", "DEALLEDGER_PAYMENT_SERVICE_URL", paymentServiceUrl);
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("dealledger.gateway.max-body-size must be at least 1KB");
        }
    }

    /** The ledger-projection-service base URL, or null while it is not configured. */
    public URI ledgerUri() {
        return baseUri(ledgerUrl);
    }

    /** The invoice-service base URL, or null while it is not configured. */
    public URI invoiceServiceUri() {
        return baseUri(invoiceServiceUrl);
    }

    /** The payment-service base URL, or null while it is not configured. */
    public URI paymentServiceUri() {
        return baseUri(paymentServiceUrl);
    }

    private static URI baseUri(String url) {
        return url == null ? null : URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    private static String httpUrl(String key, String variable, String value) {
        String url = blankToNull(value);
        if (url != null && !url.matches("https?://.+")) {
            throw new IllegalArgumentException("dealledger.gateway." + key + " (" + variable + ") must be an"
                    + " http(s) URL, got " + url);
        }
        return url;
    }

    /**
     * @param ttl     how long a key's request is remembered (a retry after that is a new request)
     * @param maxKeys most keys remembered at once; the oldest are forgotten first
     */
    public record Idempotency(@DefaultValue("24h") Duration ttl, @DefaultValue("100000") int maxKeys) {

        public Idempotency {
            if (ttl.isNegative() || ttl.isZero() || maxKeys < 1) {
                throw new IllegalArgumentException("dealledger.gateway.idempotency needs a positive ttl and max-keys");
            }
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
