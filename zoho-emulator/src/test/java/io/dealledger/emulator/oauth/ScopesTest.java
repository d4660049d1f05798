package io.dealledger.emulator.oauth;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Response;
import io.dealledger.emulator.support.ZohoHttp;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Scopes per token: a test can take a scope away and see Zoho's refusal (CRM OAUTH_SCOPE_MISMATCH, Books 57). */
class ScopesTest extends EmulatorTest {

    private static final String GRANT = "/oauth/v2/token?grant_type=refresh_token&client_id=1000.EMULATOR0CLIENT0ID"
            + "&client_secret=emulator0client0secret&refresh_token=1000.emulator.refresh.token";

    @Autowired
    AccessTokens tokens;

    private ZohoHttp with(String... scopes) {
        return new ZohoHttp(anonymous.baseUrl()).withToken(tokens.issue(List.of(scopes)).accessToken());
    }

    @Test
    void aBooksCallOutsideTheTokensScopesIsRefusedWithCode57() {
        ZohoHttp readInvoices = with("ZohoBooks.invoices.READ");

        Response read = readInvoices.get(books("/invoices", US));
        Response create = readInvoices.post(books("/invoices", US), json("{'customer_id':'" + BOOKS_CONTACT_SOYLENT + "'}"));
        Response contacts = readInvoices.get(books("/contacts", US));

        assertThat(read.status()).isEqualTo(200);
        assertThat(create.status()).isEqualTo(401);
        assertThat(create.json().integer("code")).isEqualTo(57);
        assertThat(contacts.status()).isEqualTo(401);
    }

    @Test
    void itemsTaxesAndOrganizationsNeedTheSettingsScope() {
        ZohoHttp settings = with("ZohoBooks.settings.READ");

        assertThat(settings.get(books("/items", US)).status()).isEqualTo(200);
        assertThat(settings.get(books("/settings/taxes", US)).status()).isEqualTo(200);
        assertThat(settings.get("/books/v3/organizations").status()).isEqualTo(200);
        assertThat(settings.get(books("/invoices", US)).status()).isEqualTo(401);
    }

    @Test
    void aCrmCallOutsideTheTokensScopesIsAScopeMismatch() {
        ZohoHttp dealsOnly = with("ZohoCRM.modules.deals.READ");

        assertThat(dealsOnly.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON).status()).isEqualTo(200);
        Response accounts = dealsOnly.get("/crm/v7/Accounts/" + ACCOUNT_GLOBEX_CA);
        Response variables = dealsOnly.get("/crm/v7/settings/variables");

        assertThat(accounts.status()).isEqualTo(401);
        assertThat(accounts.json().string("code")).isEqualTo("OAUTH_SCOPE_MISMATCH");
        assertThat(variables.json().string("code")).isEqualTo("OAUTH_SCOPE_MISMATCH");
    }

    @Test
    void cliqNeedsItsWebhookScopeUnlessAZapikeyIsGiven() {
        Response withoutScope = with("ZohoBooks.fullaccess.all").post("/api/v2/channelsbyname/payments/message",
                json("{'text':'paid'}"));
        Response withZapikey = anonymous.post("/api/v2/channelsbyname/payments/message?zapikey=emulator-zapikey",
                json("{'text':'paid'}"));

        assertThat(withoutScope.status()).isEqualTo(401);
        assertThat(withZapikey.status()).isEqualTo(204);
    }

    @Test
    void tokensTheRefreshGrantMintsCarryTheScopesTheClientIsGranted() {
        zoho.put("/_emulator/oauth/scopes", json("{'scopes':['ZohoBooks.fullaccess.all','ZohoCRM.modules.ALL']}"));

        Response token = anonymous.post(GRANT, null);
        ZohoHttp client = new ZohoHttp(anonymous.baseUrl()).withToken(token.json().string("access_token"));

        assertThat(token.json().string("scope")).isEqualTo("ZohoBooks.fullaccess.all ZohoCRM.modules.ALL");
        assertThat(client.get(books("/invoices", US)).status()).isEqualTo(200);
        assertThat(client.post("/api/v2/channelsbyname/payments/message", json("{'text':'paid'}")).status()).isEqualTo(401);
    }
}
