package io.dealledger.invoice.doctor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the setup doctor checks the Books webhooks against (prefix {@code dealledger.invoice.doctor}).
 *
 * @param gatewayUrl          the gateway's public HTTPS URL, as Books calls it; empty: webhooks are not checked
 * @param webhookSecretHeader the custom header each Books webhook carries its organization's secret in
 */
@ConfigurationProperties("dealledger.invoice.doctor")
public record DoctorProperties(String gatewayUrl, String webhookSecretHeader) {

    public DoctorProperties {
        gatewayUrl = gatewayUrl == null || gatewayUrl.isBlank() ? null : gatewayUrl.trim().replaceAll("/+$", "");
        if (webhookSecretHeader == null || webhookSecretHeader.isBlank()) {
            throw new IllegalArgumentException("dealledger.invoice.doctor.webhook-secret-header must be a header name");
        }
    }
}
