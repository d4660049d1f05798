package io.dealledger.emulator.crm;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriteriaTest {

    private final Map<String, Object> deal = Map.of("Deal_Name", "Acme (US) rollout", "Stage", "Closed Won",
            "Amount", new BigDecimal("16800.00"), "Account_Name", Map.of("name", "Globex", "id", "42"));

    @Test
    void combinesGroupsWithAndAndOr() {
        assertThat(Criteria.parse("((Stage:equals:closed won)and(Account_Name.id:equals:42))").test(deal)).isTrue();
        assertThat(Criteria.parse("((Stage:equals:Lost)or(Amount:greater_than:1000))").test(deal)).isTrue();
        assertThat(Criteria.parse("((Stage:equals:Lost)and(Amount:greater_than:1000))").test(deal)).isFalse();
    }

    @Test
    void comparesNumbersAndLookupNamesAndEscapedValues() {
        assertThat(Criteria.parse("(Amount:equals:16800)").test(deal)).isTrue();
        assertThat(Criteria.parse("(Account_Name:equals:globex)").test(deal)).isTrue();
        assertThat(Criteria.parse("(Deal_Name:equals:Acme \\(US\\) rollout)").test(deal)).isTrue();
        assertThat(Criteria.parse("(Stage:in:Lost,Closed Won)").test(deal)).isTrue();
        assertThat(Criteria.parse("(Deal_Name:starts_with:acme)").test(deal)).isTrue();
    }

    @Test
    void refusesMalformedCriteria() {
        assertThatThrownBy(() -> Criteria.parse("(Stage:equals").test(deal)).isInstanceOf(CrmException.class);
        assertThatThrownBy(() -> Criteria.parse("(Stage)").test(deal)).isInstanceOf(CrmException.class);
    }
}
