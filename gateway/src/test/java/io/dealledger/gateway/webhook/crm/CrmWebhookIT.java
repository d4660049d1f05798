package io.dealledger.gateway.webhook.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.dealledger.events.DealChanged;
import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.gateway.support.TestSecrets;
import io.dealledger.schemas.topics.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CrmWebhookIT extends GatewayIT {

    private static final String SECRET_HEADER = "X-Dealledger-Crm-Secret";

    private static List<DealChanged> published(String dealId) {
        return recordsWithKey(Topics.CRM_DEALS, dealId).stream().map(ConsumerRecord::value)
                .map(DealChanged.class::cast).toList();
    }

    private WebTestClient.ResponseSpec workflow(String secret, MediaType type, String body) {
        return http.post().uri("/webhooks/crm").header(SECRET_HEADER, secret).contentType(type).bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec notification(String body) {
        return http.post().uri("/webhooks/crm").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String notificationBody(String token, String channelId, String... dealIds) {
        return """
                {"server_time":1718117126473,"query_params":{},"module":"Deals",
                 "resource_uri":"https://www.zohoapis.com/crm/v2/Deals","ids":["%s"],"affected_fields":[],
                 "operation":"update","channel_id":"%s","token":"%s"}
                """.formatted(String.join("\",\"", dealIds), channelId, token);
    }

    @Test
    void aWorkflowWebhookWithMergeFieldsBecomesDealChanged() {
        String dealId = newId();
        String accountId = newId();

        workflow(TestSecrets.CRM_WEBHOOK, MediaType.APPLICATION_JSON, """
                {"deal_id":"%s","amount":"12000.50","currency":"EUR","stage":"Closed Won","account_id":"%s",
                 "legal_entity":"Zylker GmbH","deal_name":"Zylker – rollout","modified_time":"2024-05-02T10:15:30+02:00"}
                """.formatted(dealId, accountId)).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("accepted");

        assertThat(published(dealId)).singleElement().satisfies(event -> {
            assertThat(event.getAmount()).isEqualTo(new BigDecimal("12000.500"));
            assertThat(event.getCurrency()).isEqualTo("EUR");
            assertThat(event.getStage()).isEqualTo("Closed Won");
            assertThat(event.getAccountId()).isEqualTo(accountId);
            assertThat(event.getLegalEntity()).isEqualTo("Zylker GmbH");
            assertThat(event.getDealName()).isEqualTo("Zylker – rollout");
            assertThat(event.getSource()).isEqualTo("crm");
        });
    }

    @Test
    void aFormEncodedWorkflowWebhookWithEmptyMergeFieldsIsAccepted() {
        String dealId = newId();

        workflow(TestSecrets.CRM_WEBHOOK, MediaType.APPLICATION_FORM_URLENCODED,
                "deal_id=" + dealId + "&amount=900&currency=USD&stage=Negotiation&account_id=&legal_entity=")
                .expectStatus().isOk();

        assertThat(published(dealId)).singleElement().satisfies(event -> {
            assertThat(event.getAmount()).isEqualTo(new BigDecimal("900.000"));
            assertThat(event.getAccountId()).isNull();
        });
    }

    @Test
    void aNotificationCallbackBecomesOneDealChangedPerId() {
        String first = newId();
        String second = newId();

        notification(notificationBody(TestSecrets.NOTIFICATION_TOKEN, TestSecrets.CHANNEL_ID, first, second))
                .expectStatus().isOk().expectBody().jsonPath("$.eventIds.length()").isEqualTo(2);

        assertThat(published(first)).singleElement().satisfies(event -> {
            assertThat(event.getDealId()).isEqualTo(first);
            assertThat(event.getAmount()).isNull();
        });
        assertThat(published(second)).hasSize(1);
    }

    @Test
    void aNotificationForAnotherModuleIsAcknowledgedAndIgnored() {
        String leadId = newId();

        notification(notificationBody(TestSecrets.NOTIFICATION_TOKEN, TestSecrets.CHANNEL_ID, leadId)
                .replace("\"module\":\"Deals\"", "\"module\":\"Leads\""))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ignored");

        assertThat(published(leadId)).isEmpty();
    }

    @Test
    void wrongSecretsTokensChannelsOrNoCredentialsGet401AndPublishNothing() {
        String dealId = newId();
        String body = "{\"deal_id\":\"" + dealId + "\",\"amount\":5}";

        workflow("not-the-webhook-secret", MediaType.APPLICATION_JSON, body).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.field").isEqualTo(SECRET_HEADER);
        notification(body).expectStatus().isUnauthorized();
        notification("not json at all").expectStatus().isUnauthorized();
        notification(notificationBody("wrong-token-value", TestSecrets.CHANNEL_ID, dealId))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.field").isEqualTo("token");
        notification(notificationBody(TestSecrets.NOTIFICATION_TOKEN, "999", dealId))
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.field").isEqualTo("channel_id");

        assertThat(published(dealId)).isEmpty();
    }

    @Test
    void invalidWorkflowFieldsGet400AndPublishNothing() {
        String dealId = newId();

        workflow(TestSecrets.CRM_WEBHOOK, MediaType.APPLICATION_JSON, "{\"deal_id\":\"" + dealId + "\",\"amount\":\"1,200\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("amount");
        workflow(TestSecrets.CRM_WEBHOOK, MediaType.APPLICATION_JSON, "{\"amount\":1}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("deal_id");

        assertThat(published(dealId)).isEmpty();
    }
}
