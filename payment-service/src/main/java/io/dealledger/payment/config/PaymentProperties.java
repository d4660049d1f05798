package io.dealledger.payment.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * payment-service settings (prefix {@code dealledger.payment}); every default is in application.yml.
 *
 * @param organizations  Books organization ids the poller watches (env PAYMENT_ORGANIZATIONS, comma-separated)
 * @param booksTimeout   longest wait for one Books read, retries included, before the event is retried by Kafka
 * @param startupTimeout longest wait at start for the service's own topics to be read back
 * @param poller         the safety net for dropped webhooks
 * @param cliq           payment notices
 * @param link           how a deal's Books customer is found when an invoice is linked
 * @param burst          when a burst of payment webhooks is checked with list reads
 */
@ConfigurationProperties("dealledger.payment")
public record PaymentProperties(@DefaultValue List<String> organizations,
                                @DefaultValue("2m") Duration booksTimeout,
                                @DefaultValue("60s") Duration startupTimeout,
                                @DefaultValue Poller poller,
                                @DefaultValue Cliq cliq,
                                @DefaultValue Link link,
                                @DefaultValue Burst burst) {

    public PaymentProperties {
        organizations = organizations.stream().map(String::trim).filter(org -> !org.isEmpty()).toList();
        for (String org : organizations) {
            if (!org.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("dealledger.payment.organizations (PAYMENT_ORGANIZATIONS) must list"
                        + " Books organization ids (digits), got '" + org + "'");
            }
        }
        positive(booksTimeout, "dealledger.payment.books-timeout");
        positive(startupTimeout, "dealledger.payment.startup-timeout");
    }

    /**
     * @param enabled  whether this service polls (with several instances, the one owning an org polls it)
     * @param interval time between two polls of one organization (env PAYMENT_POLL_INTERVAL)
     * @param overlap  how far back before the checkpoint each poll reads again (env PAYMENT_POLL_OVERLAP)
     * @param maxRows  most invoice rows one pass reads, newest first (env PAYMENT_POLL_MAX_ROWS)
     */
    public record Poller(@DefaultValue("true") boolean enabled, @DefaultValue("288s") Duration interval,
                         @DefaultValue("5m") Duration overlap, @DefaultValue("2000") int maxRows) {
        public Poller {
            positive(interval, "dealledger.payment.poller.interval");
            positive(overlap, "dealledger.payment.poller.overlap");
            if (maxRows <= 0) {
                throw new IllegalArgumentException("dealledger.payment.poller.max-rows must be positive");
            }
        }
    }

    /**
     * @param threshold payment webhooks of one org in one consumer batch from which they are checked against one
     *                  list read of the invoices' balances (env PAYMENT_BURST_THRESHOLD)
     * @param maxWait   the longest a burst's notification on an invoice Books shows ahead waits for the notifications
     *                  queued behind it before the invoice is read back (env PAYMENT_BURST_MAX_WAIT)
     */
    public record Burst(@DefaultValue("5") int threshold, @DefaultValue("30s") Duration maxWait) {
        public Burst {
            if (threshold < 2) {
                throw new IllegalArgumentException("dealledger.payment.burst.threshold must be at least 2");
            }
            positive(maxWait, "dealledger.payment.burst.max-wait");
        }
    }

    /**
     * @param enabled whether payments are announced in Cliq
     * @param channel the channel's unique name (env PAYMENT_CLIQ_CHANNEL)
     */
    public record Cliq(@DefaultValue("true") boolean enabled, @DefaultValue("payments-received") String channel) {
        public Cliq {
            if (enabled && (channel == null || channel.isBlank())) {
                throw new IllegalArgumentException("dealledger.payment.cliq.channel (PAYMENT_CLIQ_CHANNEL) must name"
                        + " a Cliq channel while dealledger.payment.cliq.enabled is true");
            }
        }
    }

    /**
     * @param dealAccountField     CRM Deals lookup to the account
     * @param accountCustomerField CRM Accounts field holding the Books customer id
     * @param contactAccountField  Books contact custom field holding the CRM account id
     */
    public record Link(@DefaultValue("Account_Name") String dealAccountField,
                       @DefaultValue("Books_Customer_Id") String accountCustomerField,
                       @DefaultValue("cf_crm_account_id") String contactAccountField,
                       @DefaultValue("true") boolean auto,
                       @DefaultValue("cf_crm_deal_id") String invoiceDealField,
                       @DefaultValue("cf_dealledger_request_id") String invoiceRequestField) {
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
