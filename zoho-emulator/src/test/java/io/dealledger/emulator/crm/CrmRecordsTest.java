package io.dealledger.emulator.crm;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Json;
import io.dealledger.emulator.support.Response;

import static io.dealledger.emulator.seed.SeedIds.*;
import static org.assertj.core.api.Assertions.assertThat;

class CrmRecordsTest extends EmulatorTest {

    @Test
    void theSeededClosedWonDealHasItsAccountAndThreeLineItems() {
        Json deal = zoho.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON).json().get("data[0]");

        assertThat(deal.string("Stage")).isEqualTo("Closed Won");
        assertThat(deal.decimal("Amount")).isEqualByComparingTo("16800");
        assertThat(deal.string("Currency")).isEqualTo("USD");
        assertThat(deal.string("Account_Name.id")).isEqualTo(ACCOUNT_GLOBEX_CA);
        assertThat(deal.string("Account_Name.name")).isEqualTo("Globex Corporation");
        assertThat(deal.list("Deal_Line_Items")).hasSize(3);
        assertThat(deal.string("Deal_Line_Items[2].Product_Name.name")).isEqualTo("Servo Motor");
        Json account = zoho.get("/crm/v7/Accounts/" + ACCOUNT_GLOBEX_CA).json().get("data[0]");
        assertThat(account.string("Billing_State")).isEqualTo("CA");
        assertThat(account.string("Legal_Entity")).isEqualTo(LEGAL_ENTITY_US);
        assertThat(zoho.get("/crm/v7/Products/" + PRODUCT_SERVO).json().string("data[0].Product_Code")).isEqualTo("SV-300");
    }

    @Test
    void insertAnswers207WithPerRecordResultsWhenSomeRecordsFail() {
        Response response = zoho.post("/crm/v7/Deals", json("{'data':[{'Deal_Name':'New','Stage':'Qualification','Amount':500,"
                + "'Account_Name':{'id':'" + ACCOUNT_SOYLENT_NY + "'},'Custom_Flag__c':'yes'},{'Deal_Name':'No stage'},"
                + "{'Deal_Name':'Bad amount','Stage':'Qualification','Amount':'lots'}]}"));

        assertThat(response.status()).isEqualTo(207);
        Json body = response.json();
        assertThat(body.string("data[0].code")).isEqualTo("SUCCESS");
        assertThat(body.string("data[0].message")).isEqualTo("record added");
        assertThat(body.string("data[1].code")).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(body.string("data[1].details.api_name")).isEqualTo("Stage");
        assertThat(body.string("data[2].code")).isEqualTo("INVALID_DATA");
        assertThat(body.string("data[2].details.json_path")).isEqualTo("$.data[2].Amount");
        Json stored = zoho.get("/crm/v7/Deals/" + body.string("data[0].details.id")).json();
        assertThat(stored.string("data[0].Custom_Flag__c")).isEqualTo("yes");
    }

    @Test
    void updateChangesUpTo100RecordsAndReportsInvalidIds() {
        Response response = zoho.put("/crm/v7/Deals", json("{'data':[{'id':'" + DEAL_SOYLENT_NEGOTIATION + "','Stage':'Closed Won','Total_Paid':120.50},"
                + "{'id':'5725767000000499999','Stage':'Closed Won'}],'trigger':[]}"));

        assertThat(response.status()).isEqualTo(207);
        assertThat(response.json().string("data[0].message")).isEqualTo("record updated");
        assertThat(response.json().string("data[1].code")).isEqualTo("INVALID_DATA");
        Json deal = zoho.get("/crm/v7/Deals/" + DEAL_SOYLENT_NEGOTIATION).json();
        assertThat(deal.string("data[0].Stage")).isEqualTo("Closed Won");
        assertThat(deal.decimal("data[0].Total_Paid")).isEqualByComparingTo("120.50");
        Json writes = anonymous.get("/_emulator/crm/writes?module=Deals").json();
        assertThat(writes.integer("writes[0].record_count")).isEqualTo(2);
        assertThat(writes.integer("writes[0].success_count")).isEqualTo(1);

        String many = IntStream.range(0, 101).mapToObj(i -> "{'id':'" + DEAL_SOYLENT_NEGOTIATION + "'}").collect(Collectors.joining(","));
        Response tooMany = zoho.put("/crm/v7/Deals", json("{'data':[" + many + "]}"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().string("code")).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void everyRecordFailingAnswers400() {
        Response response = zoho.put("/crm/v7/Deals", json("{'data':[{'Stage':'Closed Won'}]}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().string("data[0].code")).isEqualTo("MANDATORY_NOT_FOUND");
        assertThat(response.json().string("data[0].details.api_name")).isEqualTo("id");
    }

    @Test
    void subformRowsKeepTheirIdsAndDeletedRowsGo() {
        Json before = zoho.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON).json().get("data[0]");
        String keep = before.string("Deal_Line_Items[0].id");
        String drop = before.string("Deal_Line_Items[1].id");

        zoho.put("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON, json("{'data':[{'Deal_Line_Items':[{'id':'" + keep + "','Quantity':2},{'id':'"
                + drop + "','_delete':null},{'Product_Name':{'id':'" + PRODUCT_INSTALLATION + "'},'Quantity':1,'List_Price':2000}]}]}"));

        Json after = zoho.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON).json().get("data[0]");
        assertThat(after.list("Deal_Line_Items")).hasSize(2);
        assertThat(after.string("Deal_Line_Items[0].id")).isEqualTo(keep);
        assertThat(after.integer("Deal_Line_Items[0].Quantity")).isEqualTo(2);
        assertThat(after.string("Deal_Line_Items[0].Product_Name.name")).isEqualTo("Robot Arm");
        assertThat(after.string("Deal_Line_Items[1].Product_Name.name")).isEqualTo("Installation Service");
    }

    @Test
    void searchFindsByCriteriaAndAnswers204WhenNothingMatches() {
        Response won = zoho.get("/crm/v7/Deals/search?criteria=((Stage:equals:Closed%20Won)and(Account_Name.id:equals:" + ACCOUNT_INITECH_UK + "))");
        Response none = zoho.get("/crm/v7/Deals/search?criteria=(Deal_Name:equals:Nothing%20like%20this)");
        Response byEmail = zoho.get("/crm/v7/Contacts/search?email=jane.smith@globex.example");
        Response bad = zoho.get("/crm/v7/Deals/search?criteria=(Stage:equals");

        assertThat(won.status()).isEqualTo(200);
        assertThat(won.json().list("data")).hasSize(1);
        assertThat(won.json().string("data[0].id")).isEqualTo(DEAL_INITECH_UK_CLOSED_WON);
        assertThat(none.status()).isEqualTo(204);
        assertThat(byEmail.json().string("data[0].id")).isEqualTo(CONTACT_JANE_GLOBEX);
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void listNeedsFieldsAndPagesWithInfo() {
        Response missing = zoho.get("/crm/v7/Accounts");
        Response page = zoho.get("/crm/v7/Accounts?fields=Account_Name,Billing_State&per_page=2");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().string("code")).isEqualTo("REQUIRED_PARAM_MISSING");
        assertThat(page.json().list("data")).hasSize(2);
        assertThat(page.json().at("info.more_records")).isEqualTo(true);
        assertThat(page.json().string("data[0].Billing_State")).isEqualTo("CA");
        assertThat(page.json().at("data[0].Legal_Entity")).isNull();
    }

    @Test
    void unknownModulesAndPathsAnswerInCrmsErrorShape() {
        assertThat(zoho.get("/crm/v7/Widgets?fields=Name").json().string("code")).isEqualTo("INVALID_MODULE");
        assertThat(zoho.get("/crm/v7/Deals/" + DEAL_GLOBEX_CLOSED_WON + "/Nope/x").status()).isEqualTo(404);
    }

    @Test
    void variablesHoldTheLegalEntityToOrganizationMap() {
        Json all = zoho.get("/crm/v7/settings/variables").json();
        Json one = zoho.get("/crm/v7/settings/variables/" + VARIABLE_ORG_UK).json();

        assertThat(all.list("variables")).hasSize(2);
        assertThat(one.string("variables[0].value")).isEqualTo(UK_ORG_ID);
        Response update = zoho.put("/crm/v7/settings/variables", json("{'variables':[{'api_name':'" + VARIABLE_ORG_UK + "','value':'30000001'}]}"));
        assertThat(update.status()).isEqualTo(200);
        assertThat(zoho.get("/crm/v7/settings/variables/" + VARIABLE_ORG_UK).json().string("variables[0].value")).isEqualTo("30000001");
    }

    @Test
    void anUpsertMatchesOnTheModulesUniqueFieldUnlessToldOtherwise() {
        Response upserted = zoho.post("/crm/v7/Accounts/upsert", json("{'data':[{'Account_Name':'Globex Corporation',"
                + "'Phone':'555-0100'},{'Account_Name':'Hooli','Billing_Country':'United States'}]}"));

        assertThat(upserted.status()).isEqualTo(200);
        assertThat(upserted.json().string("data[0].action")).isEqualTo("update");
        assertThat(upserted.json().string("data[0].duplicate_field")).isEqualTo("Account_Name");
        assertThat(upserted.json().string("data[0].details.id")).isEqualTo(ACCOUNT_GLOBEX_CA);
        assertThat(upserted.json().string("data[1].action")).isEqualTo("insert");
        assertThat(zoho.get("/crm/v7/Accounts/" + ACCOUNT_GLOBEX_CA).json().string("data[0].Phone")).isEqualTo("555-0100");
    }

    @Test
    void relatedRecordsAreThoseAssociatedAndThoseWhoseLookupsPointAtTheRecord() {
        zoho.put("/crm/v7/Deals/" + DEAL_SOYLENT_NEGOTIATION + "/Products", json("{'data':[{'id':'" + PRODUCT_GRIPPER + "'}]}"));

        Json products = zoho.get("/crm/v7/Deals/" + DEAL_SOYLENT_NEGOTIATION + "/Products?fields=Product_Name,Unit_Price").json();
        Json deals = zoho.get("/crm/v7/Accounts/" + ACCOUNT_GLOBEX_CA + "/Deals?fields=Deal_Name").json();
        Response none = zoho.get("/crm/v7/Deals/" + DEAL_UMBRELLA_TX_CLOSED_WON + "/Products?fields=Product_Name");
        Response badRelation = zoho.get("/crm/v7/Deals/" + DEAL_UMBRELLA_TX_CLOSED_WON + "/Widgets?fields=Name");

        assertThat(products.list("data")).hasSize(1);
        assertThat(products.string("data[0].id")).isEqualTo(PRODUCT_GRIPPER);
        assertThat(products.decimal("data[0].Unit_Price")).isEqualByComparingTo("1500");
        assertThat(products.at("data[0].Product_Code")).as("only the fields asked for").isNull();
        assertThat(deals.string("data[0].Deal_Name")).isEqualTo("Globex - Robot cell");
        assertThat(none.status()).isEqualTo(204);
        assertThat(badRelation.status()).isEqualTo(400);
        assertThat(badRelation.json().string("code")).isEqualTo("INVALID_DATA");
    }
}
