package io.dealledger.zoho;

import java.time.Clock;

import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.cliq.CliqClient;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.http.ZohoExchange;
import io.dealledger.zoho.oauth.AccessTokens;
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
    private final CrmClient crm;
    private final CliqClient cliq;

    private ZohoClients(AccessTokens tokens, BooksClient books, CrmClient crm, CliqClient cliq) {
        this.tokens = tokens;
        this.books = books;
        this.crm = crm;
        this.cliq = cliq;
    }

    public static ZohoClients create(ZohoSettings settings, MeterRegistry meters) {
        return create(settings, meters, Clock.systemUTC());
    }

    public static ZohoClients create(ZohoSettings settings, MeterRegistry meters, Clock clock) {
        // amounts are read as exact decimals, never as doubles
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        AccessTokens tokens = new AccessTokens(settings, WebClient.builder(), clock, meters);
        ZohoExchange exchange = new ZohoExchange(settings, WebClient.builder(), tokens, meters, json);
        return new ZohoClients(tokens, new BooksClient(settings, exchange, json), new CrmClient(settings, exchange, json),
                new CliqClient(settings, exchange, json));
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
