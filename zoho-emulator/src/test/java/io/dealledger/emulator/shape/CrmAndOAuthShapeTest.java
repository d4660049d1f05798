package io.dealledger.emulator.shape;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dealledger.emulator.oauth.AccessTokens;
import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Response;
import io.dealledger.emulator.support.ZohoHttp;

import static io.dealledger.emulator.seed.SeedIds.*;
import static io.dealledger.emulator.shape.FixtureShape.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

/** Every CRM and OAuth answer the client reads, held to Zoho's shapes (the fixtures zoho-client parses). */
class CrmAndOAuthShapeTest extends EmulatorTest {

    private static final String GRANT = "/oauth/v2/token?grant_type=refresh_token&client_id=1000.EMULATOR0CLIENT0ID"
            + "&client_secret=emulator0client0secret&refresh_token=1000.emulator.refresh.token";

    @Autowired
    AccessTokens tokens;

    @Test
    void aRecordASearchAndAMixedUpdate() {
        // an unset custom field comes back as null, as the Books_Invoice_Id of Zoho's example
        zoho.put("/crm/v7/Deals", json("{'data':[{'id':'" + DEAL_GLOBEX_CLOSED_WON + "','Description':null,"
                + "'Books_Invoice_Id':null,'Probability':100}]}"));
        assertShape(zoho.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON).rawBody(), "crm/record-get.json",
                Set.of("$currency_symbol"));
        assertShape(zoho.get("/crm/v7/Deals/search?criteria=(Stage:equals:Closed%20Won)").rawBody(),
                "crm/records-search.json", Set.of());
        Response mixed = zoho.put("/crm/v7/Deals", json("{'data':[{'id':'" + DEAL_SOYLENT_NEGOTIATION + "','Amount':3100},"
                + "{'id':'" + DEAL_INITECH_UK_CLOSED_WON + "','Deal_Name':''}],'trigger':[]}"));
        assertThat(mixed.status()).isEqualTo(207);
        assertShape(mixed.rawBody(), "crm/records-update-207.json", Set.of());
    }

    @Test
    void anUpsertSaysWhatItDidAndByWhichField() {
        Response upserted = zoho.post("/crm/v7/Contacts/upsert", json("{'data':[{'Email':'jane.smith@globex.example',"
                + "'Last_Name':'Smith','Title':'CFO'},{'Email':'new.person@globex.example','Last_Name':'Person'}],"
                + "'duplicate_check_fields':['Email'],'trigger':[]}"));

        assertThat(upserted.status()).isEqualTo(200);
        assertShape(upserted.rawBody(), "crm/records-upsert.json", Set.of());
        assertThat(upserted.json().string("data[0].action")).isEqualTo("update");
        assertThat(upserted.json().string("data[0].details.id")).isEqualTo(CONTACT_JANE_GLOBEX);
        assertThat(upserted.json().string("data[1].action")).isEqualTo("insert");
    }

    @Test
    void relatedRecordsNeedTheirFields() {
        zoho.put("/crm/v7/Deals/" + DEAL_WITHOUT_ACCOUNT + "/Products", json("{'data':[{'id':'" + PRODUCT_GRIPPER + "'}]}"));

        Response related = zoho.get("/crm/v7/Deals/" + DEAL_WITHOUT_ACCOUNT
                + "/Products?fields=Product_Name,Product_Code,Unit_Price,Taxable,Description");
        Response withoutFields = zoho.get("/crm/v7/Deals/" + DEAL_WITHOUT_ACCOUNT + "/Products");

        assertThat(related.status()).isEqualTo(200);
        assertShape(related.rawBody(), "crm/related-records-products.json", Set.of());
        assertThat(withoutFields.status()).isEqualTo(400);
        assertShape(withoutFields.rawBody(), "crm/error-related-records-without-fields.json", Set.of());
    }

    @Test
    void variablesAndWatchChannels() {
        zoho.post("/crm/v7/settings/variables", json("{'variables':[{'api_name':'Unset_Variable','name':'Unset','type':'text'}]}"));

        assertShape(zoho.get("/crm/v7/settings/variables").rawBody(), "crm/variables.json", Set.of());
        Response watch = zoho.post("/crm/v7/actions/watch", json("{'watch':[{'channel_id':'1000000068001',"
                + "'events':['Deals.edit'],'token':'t','notify_url':'http://localhost:1/webhooks/crm'}]}"));
        assertShape(watch.rawBody(), "crm/watch-enable.json", Set.of());
    }

    @Test
    void aModulesFieldsAndItsWebhookActions() {
        assertShape(zoho.get("/crm/v7/settings/fields?module=Deals").rawBody(), "crm/fields.json",
                NotModeled.CRM_FIELD_SETUP);

        zoho.put("/_emulator/crm/deal-webhook", json("{'url':'http://localhost:1/webhooks/crm'}"));
        Response listed = zoho.get("/crm/v8/settings/automation/webhooks?module=Deals");

        assertThat(listed.status()).isEqualTo(200);
        assertShape(listed.rawBody(), "crm/automation-webhooks.json", Set.of());
    }

    @Test
    void anExpiredTokenAndAMissingScopeAreRefusedAsCrmRefusesThem() {
        Response expired = anonymous.withToken("1000.expired-or-unknown").get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON);
        ZohoHttp booksOnly = new ZohoHttp(anonymous.baseUrl())
                .withToken(tokens.issue(java.util.List.of("ZohoBooks.fullaccess.all")).accessToken());
        Response noScope = booksOnly.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON);

        assertThat(expired.status()).isEqualTo(401);
        assertShape(expired.rawBody(), "crm/error-invalid-token.json", Set.of());
        assertThat(noScope.status()).isEqualTo(401);
        assertShape(noScope.rawBody(), "crm/error-oauth-scope-mismatch.json", Set.of());
        assertThat(noScope.json().string("code")).isEqualTo("OAUTH_SCOPE_MISMATCH");
    }

    @Test
    void tokenAnswers() {
        assertShape(anonymous.post(GRANT, null).rawBody(), "oauth/token-refresh.json", Set.of());
        assertShape(anonymous.post(GRANT.replace("1000.emulator.refresh.token", "1000.nope"), null).rawBody(),
                "oauth/token-invalid-code.json", Set.of());
        Response throttled = null;
        for (int i = 0; i < 11 && (throttled == null || throttled.status() == 200); i++) {
            throttled = anonymous.post(GRANT, null);
        }
        assertThat(throttled.status()).isEqualTo(400);
        assertShape(throttled.rawBody(), "oauth/token-throttled.json", Set.of());
    }
}
