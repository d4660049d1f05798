package io.dealledger.emulator.crm;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;
import io.dealledger.emulator.support.WebhookReceiver;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NotificationsTest extends EmulatorTest {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Response watch(String events, String expiry) {
        return zoho.post("/crm/v7/actions/watch", json("{'watch':[{'channel_id':'1000000068001','events':[" + events + "],"
                + "'token':'deals-secret-token','notify_url':'" + receiver.url("/webhooks/crm?source=crm") + "'" + expiry + "}]}"));
    }

    @Test
    void aDealEditIsCalledBackWithZohosBodyAndTheEchoedToken() {
        Response enabled = watch("'Deals.edit'", "");
        assertThat(enabled.status()).isEqualTo(201);
        assertThat(enabled.json().string("watch[0].code")).isEqualTo("SUCCESS");
        assertThat(enabled.json().string("watch[0].details.events[0].channel_id")).isEqualTo("1000000068001");

        zoho.put("/crm/v7/Deals", json("{'data':[{'id':'" + DEAL_SOYLENT_NEGOTIATION + "','Amount':4500,'Stage':'Negotiation/Review'}]}"));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        Json callback = receiver.received().get(0).json();
        assertThat(callback.string("module")).isEqualTo("Deals");
        assertThat(callback.string("operation")).isEqualTo("update");
        assertThat(callback.string("ids[0]")).isEqualTo(DEAL_SOYLENT_NEGOTIATION);
        assertThat(callback.list("affected_fields[0]." + DEAL_SOYLENT_NEGOTIATION)).containsExactly((Object) "Amount");
        assertThat(callback.string("channel_id")).isEqualTo("1000000068001");
        assertThat(callback.string("token")).isEqualTo("deals-secret-token");
        assertThat(callback.string("query_params.source")).isEqualTo("crm");
        assertThat(callback.string("resource_uri")).endsWith("/crm/v2/Deals");
        assertThat(callback.at("server_time")).isInstanceOf(Number.class);
    }

    @Test
    void anUpdateWithAnEmptyTriggerStillNotifiesByDefault() {
        watch("'Deals.all'", "");

        zoho.put("/crm/v7/Deals", json("{'data':[{'id':'" + DEAL_GLOBEX_CLOSED_WON + "','Total_Paid':100}],'trigger':[]}"));
        zoho.post("/crm/v7/Accounts", json("{'data':[{'Account_Name':'Not watched'}]}"));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).json().string("ids[0]")).isEqualTo(DEAL_GLOBEX_CLOSED_WON);
    }

    @Test
    void anExpiredChannelStaysSilent() {
        watch("'Deals.edit'", ",'channel_expiry':'" + java.time.OffsetDateTime.now().plusMinutes(5) + "'");

        advanceClock(Duration.ofMinutes(10));
        zoho.put("/crm/v7/Deals", json("{'data':[{'id':'" + DEAL_SOYLENT_NEGOTIATION + "','Amount':1}]}"));

        Json deliveries = anonymous.get("/_emulator/deliveries?kind=crm_notification").json();
        assertThat(deliveries.list("deliveries")).isEmpty();
        assertThat(zoho.get("/crm/v7/actions/watch").json().list("watch")).hasSize(1);
    }

    @Test
    void invalidSubscriptionsAreRefusedAndChannelsCanBeDisabled() {
        Response invalid = zoho.post("/crm/v7/actions/watch", json("{'watch':[{'channel_id':'1','events':['Deals.explode'],'notify_url':'http://x'}]}"));
        watch("'Deals.edit'", "");

        Response disabled = zoho.delete("/crm/v7/actions/watch?channel_ids=1000000068001");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().string("watch[0].details.api_name")).isEqualTo("events");
        assertThat(disabled.json().string("watch[0].code")).isEqualTo("SUCCESS");
        assertThat(zoho.get("/crm/v7/actions/watch").status()).isEqualTo(204);
    }
}
