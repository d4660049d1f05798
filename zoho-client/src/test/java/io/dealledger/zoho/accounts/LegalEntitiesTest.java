package io.dealledger.zoho.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LegalEntitiesTest {

    final Map<String, String> configured = Map.of("Acme Robotics Inc.", "111", "Acme Robotics Ltd", "222");

    @Test
    void aLegalEntityIsFoundHoweverItIsTyped() {
        assertThat(LegalEntities.organizationOf(" acme  robotics INC. ", configured, Map.of(), null)).contains("111");
        assertThat(LegalEntities.organizationOf("Acme Robotics Ltd", configured, Map.of(), null)).contains("222");
        assertThat(LegalEntities.organizationOf("Acme Robotics GmbH", configured, Map.of(), null)).isEmpty();
        assertThat(LegalEntities.organizationOf(null, configured, Map.of(), null)).isEmpty();
    }

    @Test
    void aCrmVariableOverridesTheConfiguredOrg() {
        Map<String, String> variables = Map.of("Books_Org_Acme_Robotics_Inc", "999");

        assertThat(LegalEntities.organizationOf("Acme Robotics Inc.", configured, variables, "Books_Org_")).contains("999");
        assertThat(LegalEntities.organizationOf("Acme Robotics Ltd", configured, variables, "Books_Org_")).contains("222");
        assertThat(LegalEntities.variableName("Books_Org_", "Acme Robotics, S.A. ")).isEqualTo("Books_Org_Acme_Robotics_S_A");
    }
}
