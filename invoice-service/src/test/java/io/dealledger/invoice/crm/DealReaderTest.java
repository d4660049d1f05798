package io.dealledger.invoice.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dealledger.zoho.ZohoSettings;
import io.dealledger.zoho.accounts.AccountFields;
import io.dealledger.zoho.accounts.DealAccounts;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;
import io.dealledger.zoho.http.ZohoApiException;
import io.dealledger.zoho.http.ZohoAuthorizationException;
import io.dealledger.zoho.http.ZohoService;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** A deal without line-item rows takes its lines from its Products related list — or says why it cannot. */
class DealReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEAL = "3652397000000625018";

    @Test
    void theRelatedProductsAreAskedForWithTheFieldsTheLinesNeed() {
        StubCrm crm = new StubCrm(Flux.just(new CrmRecord(JSON.readTree(
                "{\"id\":\"p1\",\"Product_Name\":\"Zylker Desk Pro\",\"Product_Code\":\"ZDP-100\",\"Unit_Price\":480}"))));

        Deal deal = reader(crm).dealAndAccount(DEAL).orElseThrow().deal();

        assertThat(crm.fieldsAsked).contains("Product_Name", "Product_Code", "Unit_Price", "Books_Item_Id");
        assertThat(deal.linesUnreadable()).isNull();
        assertThat(deal.lines()).singleElement().satisfies(line -> {
            assertThat(line.product().sku()).isEqualTo("ZDP-100");
            assertThat(line.rate()).isEqualByComparingTo("480");
        });
    }

    @Test
    void aRefusalOfTheRelatedListIsTheDealsProblemNotAnEmptyListOfProducts() {
        // CRM's answer to a related-records call it refuses (crm/error-related-records-without-fields.json)
        StubCrm crm = new StubCrm(Flux.error(new ZohoApiException(ZohoService.CRM, "/{module}/{id}/{related}", 400,
                "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", null, false, null)));

        Deal deal = reader(crm).dealAndAccount(DEAL).orElseThrow().deal();

        // mismatch 6: the refusal was swallowed, and the deal billed as one line for its amount
        assertThat(deal.lines()).isEmpty();
        assertThat(deal.linesUnreadable()).contains("REQUIRED_PARAM_MISSING").contains(DEAL);
    }

    @Test
    void aMissingScopeStaysAFaultOfTheOAuthClient() {
        StubCrm crm = new StubCrm(Flux.error(new ZohoAuthorizationException(ZohoService.CRM, "/{module}/{id}/{related}",
                "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL", null)));

        assertThatThrownBy(() -> reader(crm).dealAndAccount(DEAL)).isInstanceOf(ZohoAuthorizationException.class);
    }

    private static DealReader reader(CrmClient crm) {
        return new DealReader(crm, new CrmFields("Deal_Line_Items", "Legal_Entity", "Books_Customer_Id",
                "Books_Item_Id", "Product_Code"), new DealAccounts(crm, AccountFields.DEFAULTS), Duration.ofSeconds(5));
    }

    /** CRM answering a deal without line-item rows, and {@code related} for its Products. */
    private static final class StubCrm extends CrmClient {
        private final Flux<CrmRecord> related;
        private final List<String> fieldsAsked = new ArrayList<>();

        StubCrm(Flux<CrmRecord> related) {
            super(ZohoSettings.of(URI.create("http://crm.invalid"), URI.create("http://crm.invalid"), null, "id",
                    "secret", "refresh"), null, JSON);
            this.related = related;
        }

        @Override
        public Mono<CrmRecord> getRecord(String module, String id) {
            return Mono.just(new CrmRecord(JSON.readTree("{\"id\":\"" + id + "\",\"Deal_Name\":\"Desks\",\"Stage\":"
                    + "\"Closed Won\",\"Amount\":480,\"Currency\":\"USD\",\"Account_Name\":{\"id\":\"a1\"},"
                    + "\"Deal_Line_Items\":[]}")));
        }

        @Override
        public Flux<CrmRecord> relatedRecords(String module, String id, String relatedList, List<String> fields) {
            fieldsAsked.addAll(fields);
            return related;
        }
    }
}
