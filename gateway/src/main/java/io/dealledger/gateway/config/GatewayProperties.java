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
 * @param maxBodySize           larger request bodies are refused with 413
 * @param publishTimeout        longest wait for Kafka's acknowledgement before answering 503
 * @param ledgerTimeout         longest wait for ledger-projection-service on a read route
 * @param idempotency           the per-instance memory of Idempotency-Keys
 */
@ConfigurationProperties("dealledger.gateway")
public record GatewayProperties(
        String defaultOrganizationId,
        String ledgerUrl,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("5s") Duration ledgerTimeout,
        @DefaultValue Idempotency idempotency) {

    public GatewayProperties {
        defaultOrganizationId = blankToNull(defaultOrganizationId);
        if (defaultOrganizationId != null && !defaultOrganizationId.matches("[0-9]{1,30}")) {
            throw new IllegalArgumentException("dealledger.gateway.default-organization-id"
                    + " (DEALLEDGER_DEFAULT_ORGANIZATION_ID) must be a Books organization id (digits)");
        }
        ledgerUrl = blankToNull(ledgerUrl);
        if (ledgerUrl != null && !ledgerUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("dealledger.gateway.ledger-url (DEALLEDGER_LEDGER_URL) must be an"
                    + " http(s) URL, got " + ledgerUrl);
        }
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("dealledger.gateway.max-body-size must be at least 1KB");
        }
    }

    /** The ledger-projection-service base URL, or null while it is not configured. */
    public URI ledgerUri() {
        return ledgerUrl == null ? null : URI.create(ledgerUrl.endsWith("/")
                ? ledgerUrl.substring(0, ledgerUrl.length() - 1) : ledgerUrl);
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
