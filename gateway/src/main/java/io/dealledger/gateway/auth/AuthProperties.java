package io.dealledger.gateway.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secrets each source authenticates with (prefix {@code dealledger.gateway.auth}), read from the
 * environment; every default is in application.yml. Each source accepts one or two secrets so a secret can
 * be rotated without downtime. A missing secret fails start-up with a message naming the variable to set.
 */
@ConfigurationProperties("dealledger.gateway.auth")
public record AuthProperties(
        @DefaultValue Crm crm,
        @DefaultValue Operator operator,
        @DefaultValue Nonces nonces,
        @DefaultValue Books books,
        @DefaultValue CrmWebhook crmWebhook,
        @DefaultValue CrmNotifications crmNotifications) {

    static final int MIN_SECRET_LENGTH = 12;

    public AuthProperties {
        for (String secret : operator.secrets()) {
            if (crm.secrets().contains(secret)) {
                throw new IllegalArgumentException("DEALLEDGER_OPERATOR_SIGNING_SECRET must differ from"
                        + " DEALLEDGER_CRM_SIGNING_SECRET(_PREVIOUS): operators and CRM users do not share a secret");
            }
        }
        if (crmWebhook.secrets().isEmpty() && crmNotifications.tokens().isEmpty()) {
            throw new IllegalArgumentException("no way to authenticate CRM deal changes: set"
                    + " DEALLEDGER_CRM_WEBHOOK_SECRET (workflow webhook) and/or DEALLEDGER_CRM_NOTIFICATION_TOKEN"
                    + " (notifications)");
        }
    }

    /**
     * CRM button and widget calls, signed with {@code X-Dealledger-Signature} (v2: method, path and query,
     * timestamp, nonce, body hash).
     *
     * @param secrets   DEALLEDGER_CRM_SIGNING_SECRET and, during a rotation, DEALLEDGER_CRM_SIGNING_SECRET_PREVIOUS
     * @param tolerance how far a signature's timestamp may be from now (operator calls keep the same window)
     * @param acceptV1  DEALLEDGER_CRM_ACCEPT_V1: also accept the first scheme (timestamp and body only, no route,
     *                  no nonce, so replayable within the window) while Deluge functions are migrated; off by default
     */
    public record Crm(@DefaultValue List<String> secrets, @DefaultValue("300s") Duration tolerance,
                      @DefaultValue("false") boolean acceptV1) {

        public Crm {
            secrets = checkedSecrets(secrets, "DEALLEDGER_CRM_SIGNING_SECRET", true);
            if (tolerance.isNegative() || tolerance.isZero()) {
                throw new IllegalArgumentException("dealledger.gateway.auth.crm.tolerance must be positive");
            }
        }

        @Override
        public String toString() {
            return "Crm[secrets=" + secrets.size() + "x****, tolerance=" + tolerance + ", acceptV1=" + acceptV1 + "]";
        }
    }

    /**
     * Operator calls (dead letters, replays, backfill, reconciliation), signed like CRM calls (v2 only) with a
     * secret of their own, which the CRM button and widget functions never hold.
     *
     * @param secrets DEALLEDGER_OPERATOR_SIGNING_SECRET and, during a rotation,
     *                DEALLEDGER_OPERATOR_SIGNING_SECRET_PREVIOUS
     */
    public record Operator(@DefaultValue List<String> secrets) {

        public Operator {
            secrets = checkedSecrets(secrets, "DEALLEDGER_OPERATOR_SIGNING_SECRET", true);
        }

        @Override
        public String toString() {
            return "Operator[secrets=" + secrets.size() + "x****]";
        }
    }

    /**
     * The memory of signature nonces ({@code auth.nonces.v1}, shared by every gateway instance).
     *
     * @param maxRemembered most nonces remembered at once (every instance's, over the window); past it new signed
     *                      calls get 503 rather than a nonce being forgotten early
     */
    public record Nonces(@DefaultValue("200000") int maxRemembered) {

        public Nonces {
            if (maxRemembered < 1) {
                throw new IllegalArgumentException("dealledger.gateway.auth.nonces.max-remembered must be positive");
            }
        }
    }

    /**
     * Books workflow webhooks: a shared secret per organization in a custom header, optionally an HMAC of
     * the body.
     *
     * @param header         the custom header the Books webhook is configured to send
     * @param webhookSecrets DEALLEDGER_BOOKS_WEBHOOK_SECRETS: comma-separated {@code <orgId>=<secret>} entries;
     *                       an organization listed twice has two secrets (current and previous, for a rotation)
     * @param organizations  the same as a map, organization id → its one or two secrets (for YAML); both merge
     * @param bodySignature  the optional HMAC-SHA256 of the body
     */
    public record Books(@DefaultValue("X-Dealledger-Webhook-Secret") String header,
                        @DefaultValue List<String> webhookSecrets,
                        @DefaultValue Map<String, List<String>> organizations,
                        @DefaultValue BodySignature bodySignature) {

        public Books {
            Map<String, List<String>> merged = new LinkedHashMap<>();
            organizations.forEach((org, secrets) -> merged.computeIfAbsent(org, o -> new ArrayList<>()).addAll(secrets));
            for (String entry : webhookSecrets) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("DEALLEDGER_BOOKS_WEBHOOK_SECRETS: each entry must be"
                            + " <orgId>=<secret>, comma separated");
                }
                merged.computeIfAbsent(entry.substring(0, eq).trim(), o -> new ArrayList<>())
                        .add(entry.substring(eq + 1).trim());
            }
            Map<String, List<String>> checked = new LinkedHashMap<>();
            merged.forEach((org, secrets) -> {
                if (!org.matches("[0-9]{1,30}")) {
                    throw new IllegalArgumentException("DEALLEDGER_BOOKS_WEBHOOK_SECRETS names '" + org
                            + "', which is not a Books organization id (digits)");
                }
                checked.put(org, checkedSecrets(secrets, "DEALLEDGER_BOOKS_WEBHOOK_SECRETS (organization " + org + ")",
                        true));
            });
            if (checked.isEmpty()) {
                throw new IllegalArgumentException("no Books organization can send webhooks: set"
                        + " DEALLEDGER_BOOKS_WEBHOOK_SECRETS=<orgId>=<secret>[,<orgId>=<previous secret>][,...]");
            }
            webhookSecrets = List.of();
            organizations = Map.copyOf(checked);
        }

        @Override
        public String toString() {
            return "Books[header=" + header + ", organizations=" + organizations.keySet() + ", secrets=****]";
        }
    }

    /**
     * @param required whether every Books webhook must carry an HMAC-SHA256 (hex) of its raw body, keyed
     *                 with the organization's secret
     * @param header   the header carrying it
     */
    public record BodySignature(@DefaultValue("false") boolean required,
                                @DefaultValue("X-Zoho-Webhook-Signature") String header) {
    }

    /**
     * The CRM workflow webhook on Deal edits.
     *
     * @param header  the custom header the webhook is configured to send
     * @param secrets DEALLEDGER_CRM_WEBHOOK_SECRET and, during a rotation, DEALLEDGER_CRM_WEBHOOK_SECRET_PREVIOUS
     */
    public record CrmWebhook(@DefaultValue("X-Dealledger-Crm-Secret") String header,
                             @DefaultValue List<String> secrets) {

        public CrmWebhook {
            secrets = checkedSecrets(secrets, "DEALLEDGER_CRM_WEBHOOK_SECRET", false);
        }

        @Override
        public String toString() {
            return "CrmWebhook[header=" + header + ", secrets=" + secrets.size() + "x****]";
        }
    }

    /**
     * CRM notification callbacks ({@code actions/watch}): the {@code token} they echo and the channel ids
     * dealledger subscribed.
     *
     * @param tokens     DEALLEDGER_CRM_NOTIFICATION_TOKEN and DEALLEDGER_CRM_NOTIFICATION_TOKEN_PREVIOUS
     * @param channelIds DEALLEDGER_CRM_NOTIFICATION_CHANNEL_IDS (comma separated)
     */
    public record CrmNotifications(@DefaultValue List<String> tokens, @DefaultValue List<String> channelIds) {

        public CrmNotifications {
            tokens = checkedSecrets(tokens, "DEALLEDGER_CRM_NOTIFICATION_TOKEN", false);
            channelIds = channelIds.stream().filter(id -> !id.isBlank()).map(String::trim).toList();
            if (!tokens.isEmpty() && channelIds.isEmpty()) {
                throw new IllegalArgumentException("CRM notifications have a token but no channel id: set"
                        + " DEALLEDGER_CRM_NOTIFICATION_CHANNEL_IDS to the channel ids dealledger subscribed");
            }
        }

        @Override
        public String toString() {
            return "CrmNotifications[tokens=" + tokens.size() + "x****, channelIds=" + channelIds + "]";
        }
    }

    /** The non-blank entries (unset environment variables arrive as ""), checked: one or two, long enough. */
    static List<String> checkedSecrets(List<String> configured, String variable, boolean required) {
        List<String> secrets = configured.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (required && secrets.isEmpty()) {
            throw new IllegalArgumentException("secret missing: set " + variable);
        }
        if (secrets.size() > 2) {
            throw new IllegalArgumentException(variable + ": at most two secrets (current and previous), got "
                    + secrets.size());
        }
        for (String secret : secrets) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException(variable + ": a secret must have at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
        }
        return secrets;
    }
}
