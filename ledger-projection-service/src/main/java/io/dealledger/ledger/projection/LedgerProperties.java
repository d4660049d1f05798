package io.dealledger.ledger.projection;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection computes and serves ledgers (prefix {@code dealledger.ledger}); defaults in application.yml.
 *
 * @param zone              the zone whose calendar day decides "overdue" (due date before today)
 * @param overdueInterval   how often deals with open invoices are re-evaluated against the clock (also once at start)
 * @param defaultCurrency   a deal's currency when neither CRM, an issued invoice nor its invoices name one
 * @param applicationServer this instance's {@code host:port} as other instances reach its HTTP API; empty for a
 *                          single instance. Queries for keys owned by another instance are forwarded there.
 * @param gaugeRefresh      how often the business gauges (outstanding, overdue per org and currency) are recomputed
 * @param longPollMax       the longest {@code waitSeconds} an invoice-request status query may ask for
 * @param organizations     CRM legal entity (the account's {@code Legal_Entity}) → Books organization id
 * @param organizationZones Books organization id → the zone of its calendar, whose days an as-of ledger
 *                          ({@code ?asOf=}) ends and Books' dates ({@code date}, {@code payment date}) are in; an
 *                          organization not listed uses {@code zone}
 */
@ConfigurationProperties("dealledger.ledger")
public record LedgerProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("1h") Duration overdueInterval,
                               @DefaultValue("USD") Currency defaultCurrency, @DefaultValue("") String applicationServer,
                               @DefaultValue("30s") Duration gaugeRefresh, @DefaultValue("30s") Duration longPollMax,
                               Map<String, String> organizations, Map<String, ZoneId> organizationZones) {

    public LedgerProperties {
        organizations = organizations == null ? Map.of() : Map.copyOf(organizations);
        organizationZones = organizationZones == null ? Map.of() : Map.copyOf(organizationZones);
        if (!applicationServer.isEmpty() && !applicationServer.matches("[^:]+:\\d+")) {
            throw new IllegalArgumentException("dealledger.ledger.application-server (LEDGER_APPLICATION_SERVER) must be"
                    + " host:port, was " + applicationServer);
        }
        if (overdueInterval.isZero() || overdueInterval.isNegative()) {
            throw new IllegalArgumentException("dealledger.ledger.overdue-interval must be positive");
        }
    }

    /** The calendar of a Books organization (null: none known): its configured zone, else {@code zone}. */
    public ZoneId zoneOf(String organizationId) {
        return organizationId == null ? zone : organizationZones.getOrDefault(organizationId, zone);
    }
}
