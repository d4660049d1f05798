package io.dealledger.emulator.oauth;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthTokenTest extends EmulatorTest {

    private static final String GRANT = "/oauth/v2/token?grant_type=refresh_token&client_id=1000.EMULATOR0CLIENT0ID"
            + "&client_secret=emulator0client0secret&refresh_token=1000.emulator.refresh.token";

    @Test
    void refreshGrantIssuesAOneHourTokenThatBooksAndCrmAccept() {
        Json token = anonymous.post(GRANT, null).json();

        assertThat(token.string("access_token")).startsWith("1000.");
        assertThat(token.integer("expires_in")).isEqualTo(3600);
        assertThat(token.string("api_domain")).isEqualTo(anonymous.baseUrl());
        assertThat(token.string("token_type")).isEqualTo("Bearer");
        var client = new io.dealledger.emulator.support.ZohoHttp(anonymous.baseUrl()).withToken(token.string("access_token"));
        assertThat(client.get(books("/invoices", US)).status()).isEqualTo(200);
        assertThat(client.get("/crm/v7/Deals/" + io.dealledger.emulator.seed.SeedIds.DEAL_GLOBEX_CLOSED_WON).status()).isEqualTo(200);
    }

    @Test
    void acceptsTheParametersAsAFormBodyLikeZohosSdk() {
        Response response = anonymous.send("POST", "/oauth/v2/token", GRANT.substring(GRANT.indexOf('?') + 1),
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().string("access_token")).isNotBlank();
    }

    @Test
    void badCredentialsAnswer200WithAnErrorKey() {
        Response response = anonymous.post(GRANT.replace("emulator0client0secret", "wrong"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().string("error")).isEqualTo("invalid_client_secret");
        assertThat(response.json().string("access_token")).isNull();
    }

    @Test
    void theEleventhRefreshWithinTenMinutesIsDenied() {
        for (int i = 0; i < 10; i++) {
            assertThat(anonymous.post(GRANT, null).status()).isEqualTo(200);
        }

        Response denied = anonymous.post(GRANT, null);

        assertThat(denied.status()).isEqualTo(400);
        assertThat(denied.json().string("error")).isEqualTo("Access Denied");
        assertThat(denied.json().string("status")).isEqualTo("failure");
        advanceClock(java.time.Duration.ofMinutes(11));
        assertThat(anonymous.post(GRANT, null).status()).isEqualTo(200);
    }

    @Test
    void expiredTokensAreRefusedAsEachServiceDoes() {
        advanceClock(java.time.Duration.ofMinutes(61));
        var stale = new io.dealledger.emulator.support.ZohoHttp(anonymous.baseUrl()).withToken("1000.not-a-token");

        Response books = stale.get(books("/invoices", US));
        Response crm = stale.get("/crm/v7/Deals/1");
        Response booksWithoutHeader = anonymous.get(books("/invoices", US));
        Response crmWithoutHeader = anonymous.get("/crm/v7/Deals/1");

        assertThat(books.status()).isEqualTo(401);
        assertThat(books.json().integer("code")).isEqualTo(57);
        assertThat(crm.status()).isEqualTo(401);
        assertThat(crm.json().string("code")).isEqualTo("INVALID_TOKEN");
        assertThat(booksWithoutHeader.json().integer("code")).isEqualTo(14);
        assertThat(crmWithoutHeader.json().string("code")).isEqualTo("AUTHENTICATION_FAILURE");
    }

    @Test
    void aTokenPastItsHourIsRefusedWithCode57() {
        String token = anonymous.post(GRANT, null).json().string("access_token");
        var client = new io.dealledger.emulator.support.ZohoHttp(anonymous.baseUrl()).withToken(token);

        advanceClock(java.time.Duration.ofMinutes(61));

        assertThat(client.get(books("/invoices", US)).json().integer("code")).isEqualTo(57);
        assertThat(anonymous.post("/_emulator/oauth/expire-all", null).status()).isEqualTo(200);
        assertThat(zoho.get(books("/invoices", US)).status()).isEqualTo(401);
    }
}
