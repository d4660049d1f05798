package io.dealledger.emulator.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;

import static org.assertj.core.api.Assertions.assertThat;

class CliqAndAdminTest extends EmulatorTest {

    @Test
    void cliqKeepsAChannelMessagePostedWithAZapikey() {
        Response posted = anonymous.post("/api/v2/channelsbyname/paymentsreceived/message?zapikey=emulator-zapikey",
                json("{'text':'Invoice INV-000001 paid','bot':{'name':'dealledger'}}"));
        Response viaOAuth = zoho.post("/company/777/api/v2/channelsbyname/paymentsreceived/message", json("{'text':'second'}"));
        Response refused = anonymous.post("/api/v2/channelsbyname/paymentsreceived/message?zapikey=wrong", json("{'text':'x'}"));

        assertThat(posted.status()).isEqualTo(204);
        assertThat(posted.rawBody()).isEmpty();
        assertThat(viaOAuth.status()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(401);
        Json messages = anonymous.get("/_emulator/cliq/messages?channel=paymentsreceived").json();
        assertThat(messages.list("messages")).hasSize(2);
        assertThat(messages.string("messages[0].text")).isEqualTo("Invoice INV-000001 paid");
        assertThat(messages.string("messages[0].body.bot.name")).isEqualTo("dealledger");
    }

    @Test
    void countsCallsByOrganizationEndpointTemplateAndStatus() {
        zoho.get(books("/invoices", US));
        zoho.get(books("/invoices/460000000003001", US));
        zoho.get(books("/invoices/460000000003999", US));
        zoho.get(books("/invoices", UK));

        Json us = anonymous.get("/_emulator/calls?family=books&organization_id=" + US).json();

        assertThat(us.integer("total")).isEqualTo(3);
        List<?> rows = us.list("calls");
        assertThat(rows).extracting(r -> ((Map<?, ?>) r).get("endpoint") + " " + ((Map<?, ?>) r).get("status"))
                .containsExactly("/books/v3/invoices 200", "/books/v3/invoices/{id} 200", "/books/v3/invoices/{id} 404");
    }

    @Test
    void injects5xxForOneOrganizationOnly() {
        anonymous.put("/_emulator/faults/" + US, json("{'error_5xx_probability':1}"));

        Response broken = zoho.get(books("/items", US));
        Response fine = zoho.get(books("/items", UK));

        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.json().integer("code")).isEqualTo(1000);
        assertThat(fine.status()).isEqualTo(200);
        assertThat(anonymous.get("/_emulator/faults").json().decimal(US + ".error_5xx_probability")).isEqualByComparingTo("1");
    }

    @Test
    void injects429GloballyInEachServicesShape() {
        anonymous.put("/_emulator/faults/global", json("{'error_429_probability':1}"));

        Response books = zoho.get(books("/items", UK));
        Response crm = zoho.get("/crm/v7/Deals?fields=Deal_Name");

        assertThat(books.status()).isEqualTo(429);
        assertThat(books.json().integer("code")).as("a passing 429 is Books' in-flight code").isEqualTo(1070);
        assertThat(crm.status()).isEqualTo(429);
        assertThat(crm.json().string("code")).isEqualTo("TOO_MANY_REQUESTS");
        anonymous.delete("/_emulator/faults");
        assertThat(zoho.get(books("/items", UK)).status()).isEqualTo(200);
    }

    @Test
    void injectedTimeoutsHangLongerThanTheClientWaits() {
        anonymous.put("/_emulator/faults/crm", json("{'timeout_probability':1,'timeout_millis':3000}"));

        var outcome = zoho.sendAsync("GET", "/crm/v7/Deals?fields=Deal_Name", null, Duration.ofMillis(500))
                .handle((response, error) -> error);

        assertThat(outcome.join()).hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void addedLatencySlowsEveryAnswer() {
        anonymous.put("/_emulator/faults/cliq", json("{'latency_millis':300}"));

        long start = System.nanoTime();
        anonymous.post("/api/v2/channelsbyname/ops/message?zapikey=emulator-zapikey", json("{'text':'slow'}"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void resetRestoresTheDefaultDataSetAndCanStartEmpty() {
        zoho.post(books("/contacts", US), json("{'contact_name':'Temporary'}"));

        anonymous.post("/_emulator/reset", null);
        assertThat(zoho.get(books("/contacts?contact_name=Temporary", US)).json().list("contacts")).isEmpty();

        anonymous.post("/_emulator/reset", json("{'seed':false}"));
        assertThat(zoho.get("/books/v3/organizations").json().list("organizations")).isEmpty();
        anonymous.post("/_emulator/books/organizations", json("{'organization_id':'55555555','edition':'UK','currency_code':'GBP'}"));
        assertThat(zoho.get("/books/v3/organizations").json().string("organizations[0].organization_id")).isEqualTo("55555555");
    }

    @Test
    void theClockCanBeMovedAndPutBack() {
        Json advanced = anonymous.post("/_emulator/clock/advance", json("{'days':30}")).json();
        Json back = anonymous.put("/_emulator/clock", json("{'offset_seconds':0}")).json();

        assertThat(advanced.integer("offset_seconds")).isEqualTo(30 * 86400);
        assertThat(back.integer("offset_seconds")).isZero();
        assertThat(anonymous.put("/_emulator/faults/global", json("{'error_5xx_probability':2}")).status()).isEqualTo(400);
    }
}
