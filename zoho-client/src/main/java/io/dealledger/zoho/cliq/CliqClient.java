package io.dealledger.zoho.cliq;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.http.ZohoExchange;
import io.dealledger.zoho.http.ZohoRequest;
import io.dealledger.zoho.http.ZohoService;
import io.dealledger.zoho.limits.CallBudget;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Posts messages to a Zoho Cliq channel (e.g. #payments-received) with the OAuth token. */
public class CliqClient {

    /** A message: text (Cliq formatting, e.g. *bold*) and an optional card title. */
    public record Message(String text, String cardTitle) {
    }

    private final ZohoExchange exchange;
    private final JsonMapper json;
    private final String baseUrl;
    private final CallBudget budget = CallBudget.concurrency(5);

    public CliqClient(ZohoSettings settings, ZohoExchange exchange, JsonMapper json) {
        this.exchange = exchange;
        this.json = json;
        this.baseUrl = settings.cliqUrl() == null ? null : settings.cliqUrl().toString();
    }

    /** Posts to the channel by its unique name; Cliq answers 204 with no message id. */
    public Mono<Void> post(String channelUniqueName, Message message) {
        if (baseUrl == null) {
            return Mono.error(new IllegalStateException("Cliq is not configured (no Cliq URL)"));
        }
        ObjectNode body = json.createObjectNode();
        body.put("text", message.text());
        if (message.cardTitle() != null) {
            body.putObject("card").put("title", message.cardTitle()).put("theme", "modern-inline");
        }
        String uri = "/api/v2/channelsbyname/" + URLEncoder.encode(channelUniqueName, StandardCharsets.UTF_8) + "/message";
        return exchange.call(baseUrl, new ZohoRequest(ZohoService.CLIQ, null, HttpMethod.POST,
                "/api/v2/channelsbyname/{name}/message", uri, body.toString(), Map.of(), budget)).then();
    }
}
