package io.dealledger.zoho;

import java.time.Clock;

import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.cliq.CliqClient;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.http.ZohoExchange;
import io.dealledger.zoho.limits.BooksBudgets;
import io.dealledger.zoho.limits.BudgetCoordination;
import io.dealledger.zoho.oauth.AccessTokens;
import io.dealledger.zoho.oauth.TokenSharing;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Zoho clients of one Zoho account, sharing one cached OAuth token, one exchange (retries, metrics)
 * and their budgets: create once per service and reuse.
 */
public final class ZohoClients {

    private final AccessTokens tokens;
    private final BooksClient books;
    private final BooksBudgets budgets;
    private final CrmClient crm;
    private final CliqClient cliq;

    private ZohoClients(AccessTokens tokens, BooksClient books, BooksBudgets budgets, CrmClient crm, CliqClient cliq) {
        this.tokens = tokens;
        this.books = books;
        this.budgets = budgets;
        this.crm = crm;
        this.cliq = cliq;
    }

    public static ZohoClients create(ZohoSettings settings, MeterRegistry meters) {
        return create(settings, meters, Clock.systemUTC());
    }

    public static ZohoClients create(ZohoSettings settings, MeterRegistry meters, Clock clock) {
        return create(settings, meters, clock, BudgetCoordination.alone(), "zoho-client");
    }

    /**
     * @param coordination what the rest of the deployment spends of each Books organization's budget
     * @param service      the calling service, as budgets and their metrics name it
     */
    public static ZohoClients create(ZohoSettings settings, MeterRegistry meters, Clock clock,
                                     BudgetCoordination coordination, String service) {
        return create(settings, meters, clock, coordination, TokenSharing.alone(), service);
    }

    /**
     * @param coordination what the rest of the deployment spends of each Books organization's budget
     * @param tokens       the access tokens the rest of the deployment minted
     * @param service      the calling service, as budgets and their metrics name it
     */
    public static ZohoClients create(ZohoSettings settings, MeterRegistry meters, Clock clock,
                                     BudgetCoordination coordination, TokenSharing sharing, String service) {
        // amounts are read as exact decimals, never as doubles
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        AccessTokens tokens = new AccessTokens(settings, WebClient.builder(), clock, meters, sharing);
        ZohoExchange exchange = new ZohoExchange(settings, WebClient.builder(), tokens, meters, json);
        BooksBudgets budgets = new BooksBudgets(settings, service, coordination, clock, meters);
        return new ZohoClients(tokens, new BooksClient(settings, exchange, json, budgets), budgets,
                new CrmClient(settings, exchange, json), new CliqClient(settings, exchange, json));
    }

    /** Every Books organization's budget in this process (for a coordination to wake when shares change). */
    public BooksBudgets booksBudgets() {
        return budgets;
    }

    public BooksClient books() {
        return books;
    }

    public CrmClient crm() {
        return crm;
    }

    public CliqClient cliq() {
        return cliq;
    }

    public AccessTokens tokens() {
        return tokens;
    }
}
