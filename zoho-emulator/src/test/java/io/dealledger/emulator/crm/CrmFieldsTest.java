package io.dealledger.emulator.crm;

import org.junit.jupiter.api.Test;

import io.dealledger.emulator.support.EmulatorTest;
import io.dealledger.emulator.support.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /crm/v7/settings/fields?module=}: shape of zoho/crm-oas
 * {@code v8.0/fields/operations/getFields/examples/response-200-fullexample.md} (a {@code fields} array of
 * {@code api_name}, {@code data_type}, {@code json_type}, {@code custom_field}, ...).
 */
class CrmFieldsTest extends EmulatorTest {

    @Test
    void aModulesFieldsCarryTheirApiNameAndDataType() {
        Response response = zoho.get("/crm/v7/settings/fields?module=Deals");

        assertThat(response.json().list("fields")).isNotEmpty();
        assertThat(response.rawBody().replace(" ", "")).contains("\"api_name\":\"Deal_Line_Items\"", "\"data_type\":\"subform\"",
                "\"json_type\":\"jsonarray\"", "\"custom_field\":true");
        assertThat(zoho.get("/crm/v7/settings/fields?module=Accounts").rawBody())
                .contains("\"api_name\":\"Books_Customer_Id\"");
    }

    @Test
    void anUnknownModuleIsRefused() {
        Response response = zoho.get("/crm/v7/settings/fields?module=Spaceships");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().string("code")).isEqualTo("INVALID_MODULE");
    }
}
