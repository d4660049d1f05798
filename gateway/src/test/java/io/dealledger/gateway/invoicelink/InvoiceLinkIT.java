package io.dealledger.gateway.invoicelink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.gateway.support.TestSecrets;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class InvoiceLinkIT extends GatewayIT {

    private List<SpecificRecord> published(String invoiceId) {
        return recordsWithKey(Topics.INVOICE_LINKS, invoiceId).stream().map(ConsumerRecord::value).toList();
    }

    @Test
    void aSignedLinkRequestIsPublishedKeyedByInvoiceWithTheDefaultOrganization() {
        String dealId = newId();
        String invoiceId = newId();

        InvoiceLinkController.Accepted answer = signed(HttpMethod.POST, "/api/v1/deals/" + dealId + "/invoice-links",
                "{\"invoiceId\":\"" + invoiceId + "\",\"requestedBy\":\"jane@zylker.com\"}")
                .exchange().expectStatus().isAccepted()
                .expectBody(InvoiceLinkController.Accepted.class).returnResult().getResponseBody();

        assertThat(published(invoiceId)).singleElement().isInstanceOfSatisfying(InvoiceLinkRequested.class, event -> {
            assertThat(event.getRequestId()).isEqualTo(answer.requestId());
            assertThat(event.getDealId()).isEqualTo(dealId);
            assertThat(event.getOrganizationId()).isEqualTo(TestSecrets.ORG);
            assertThat(event.getRequestedBy()).isEqualTo("jane@zylker.com");
        });
    }

    @Test
    void aSignedUnlinkWithAnEmptyBodyIsPublishedForTheNamedOrganization() {
        String dealId = newId();
        String invoiceId = newId();

        signed(HttpMethod.DELETE, "/api/v1/deals/" + dealId + "/invoice-links/" + invoiceId + "?organizationId="
                + TestSecrets.OTHER_ORG, "").exchange().expectStatus().isAccepted();

        assertThat(published(invoiceId)).singleElement().isInstanceOfSatisfying(InvoiceUnlinkRequested.class, event -> {
            assertThat(event.getDealId()).isEqualTo(dealId);
            assertThat(event.getOrganizationId()).isEqualTo(TestSecrets.OTHER_ORG);
        });
    }

    @Test
    void invalidOrUnsignedLinkRequestsAreRefusedAndPublishNothing() {
        String dealId = newId();
        String invoiceId = newId();

        signed(HttpMethod.POST, "/api/v1/deals/" + dealId + "/invoice-links", "{\"invoiceId\":\"INV-1\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("invoiceId");
        signed(HttpMethod.POST, "/api/v1/deals/" + dealId + "/invoice-links",
                "{\"invoiceId\":\"" + invoiceId + "\",\"organizationId\":\"org-1\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("organizationId");
        http.post().uri("/api/v1/deals/" + dealId + "/invoice-links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"invoiceId\":\"" + invoiceId + "\"}").exchange().expectStatus().isUnauthorized();
        http.delete().uri("/api/v1/deals/" + dealId + "/invoice-links/" + invoiceId).exchange()
                .expectStatus().isUnauthorized();

        assertThat(published(invoiceId)).isEmpty();
    }
}
