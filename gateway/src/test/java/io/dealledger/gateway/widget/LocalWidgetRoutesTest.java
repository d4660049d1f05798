package io.dealledger.gateway.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The local mode signs the routes the Deluge function signs in CRM, and no other. */
class LocalWidgetRoutesTest {

    @Test
    void theDealLedgerIsAlsoReadAsOfADateAndWithNoOtherQuery() {
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.GET, "/api/v1/deals/4876876000000123/ledger")).isTrue();
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.GET, "/api/v1/deals/42/ledger?asOf=2026-05-31"))
                .isTrue();
        // a date's shape only: whether it is a date (2026-13-45) is ledger-projection-service's 400 naming asOf
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.GET, "/api/v1/deals/42/ledger?asOf=2026-13-45"))
                .isTrue();
        for (String refused : new String[] {"/api/v1/deals/42/ledger?asOf=2026-5-31", "/api/v1/deals/42/ledger?asOf=",
                "/api/v1/deals/42/ledger?asOf=today", "/api/v1/deals/42/ledger?asOf=2026-05-31&waitSeconds=5",
                "/api/v1/deals/42/ledger?waitSeconds=5", "/api/v1/deals/42/ledger?asof=2026-05-31",
                "/api/v1/deals/42/invoice-candidates?asOf=2026-05-31", "/api/v1/deals/42/ledger?asOf=2026-05-31/x"}) {
            assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.GET, refused)).as(refused).isFalse();
        }
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.POST, "/api/v1/deals/42/ledger?asOf=2026-05-31"))
                .isFalse();
    }

    @Test
    void theOtherWidgetRoutesStayAsTheyWereAndOperatorRoutesAreNeverSigned() {
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.GET, "/api/v1/deals/42/invoice-candidates")).isTrue();
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.GET,
                "/api/v1/invoice-requests/0f8fad5b-d9cb-469f-a165-70867728950e?waitSeconds=20")).isTrue();
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.POST, "/api/v1/deals/42/invoice-requests")).isTrue();
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.DELETE,
                "/api/v1/deals/42/invoice-links/77?organizationId=10234695")).isTrue();
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.POST, "/api/v1/dead-letters/replays")).isFalse();
        assertThat(LocalWidgetController.isWidgetRoute(HttpMethod.GET, "/api/v1/dead-letters")).isFalse();
    }

    @Test
    void theDelugeFunctionAllowsTheSameDealLedgerQuery() throws IOException {
        String function = Files.readString(Path.of("../widget/deluge/dealledger_widget_call.dg"));
        assertThat(function).contains("/(ledger([?]asOf=[0-9]{4}-[0-9]{2}-[0-9]{2})?|invoice-candidates)");
    }
}
