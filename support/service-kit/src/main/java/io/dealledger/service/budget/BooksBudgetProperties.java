package io.dealledger.service.budget;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's instances share the Books budgets with the rest of the deployment (prefix
 * {@code dealledger.books-budget}); the shares themselves are {@code dealledger.zoho.books.share} per service.
 *
 * @param enabled         share over Kafka (false: this process alone spends its service's share, for tests of one
 *                        instance without a broker)
 * @param deployment      the deployment the budget belongs to (env DEALLEDGER_DEPLOYMENT): every instance of every
 *                        service of one installation names the same; two installations on one broker differ
 * @param publishInterval how often an instance writes its counts when they changed
 */
@ConfigurationProperties("dealledger.books-budget")
public record BooksBudgetProperties(@DefaultValue("true") boolean enabled, @DefaultValue("dealledger") String deployment,
                                    @DefaultValue("2s") Duration publishInterval) {

    public BooksBudgetProperties {
        if (deployment == null || !deployment.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("dealledger.books-budget.deployment (DEALLEDGER_DEPLOYMENT) must be"
                    + " 1 to 100 letters, digits, dots, dashes or underscores, got '" + deployment + "'");
        }
    }
}
