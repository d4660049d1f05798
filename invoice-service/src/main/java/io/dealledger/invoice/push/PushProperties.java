package io.dealledger.invoice.push;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How invoice-service pushes invoices (prefix {@code dealledger.invoice}); every default is in application.yml,
 * and a missing or empty setting fails start-up naming its key. The other settings below the prefix belong to the
 * capability that reads them: {@code RoutingProperties} (organizations), {@code TaxProperties} (the tax table),
 * {@code CrmFields} ({@code crm.*}), {@code BooksFields} ({@code books.*}), {@code DoctorProperties}
 * ({@code doctor.*}).
 *
 * @param allowedStages    deal stages an invoice may be pushed from (e.g. Closed Won)
 * @param cacheTtl         how long customers, items, taxes, currencies and the org itself are trusted without
 *                         asking Books
 * @param callTimeout      longest wait for one Zoho call, its retries included (keep it under
 *                         the consumer's max.poll.interval.ms)
 * @param paymentTermsDays due date = invoice date + this many days
 * @param markSent         mark each new invoice as sent (no e-mail) instead of leaving it a draft
 */
@ConfigurationProperties("dealledger.invoice")
public record PushProperties(
        List<String> allowedStages,
        Duration cacheTtl,
        Duration callTimeout,
        int paymentTermsDays,
        boolean markSent) {

    public PushProperties {
        require(allowedStages != null && !allowedStages.isEmpty(), "allowed-stages", "at least one deal stage");
        require(cacheTtl != null && !cacheTtl.isNegative(), "cache-ttl", "a duration, e.g. 10m");
        require(callTimeout != null && !callTimeout.isNegative() && !callTimeout.isZero(), "call-timeout",
                "a positive duration, e.g. 2m");
        require(paymentTermsDays >= 0, "payment-terms-days", "zero or more days");
    }

    private static void require(boolean ok, String key, String what) {
        if (!ok) {
            throw new IllegalArgumentException("dealledger.invoice." + key + " must be " + what);
        }
    }
}
