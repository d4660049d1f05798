package io.dealledger.invoice.audit;

import static io.dealledger.invoice.support.Requests.awaitEventuallyIssued;
import static io.dealledger.invoice.support.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.invoice.support.CrmData;
import io.dealledger.invoice.support.InvoiceServiceIT;
import io.dealledger.invoice.support.Requests;
import io.dealledger.invoice.support.TestZoho;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Service;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.service.kafka.DeadLetters;
import io.dealledger.testkit.kafka.TopicProbe;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.books.BooksRequests.NewContact;
import io.dealledger.zoho.books.BooksRequests.NewItem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit endpoint on invoice-service's own HTTP port, and requests Zoho keeps failing dead-lettered for replay. */
@InvoiceServiceIT
class OperationsIT {

    @LocalServerPort
    int port;
    @Autowired
    ZohoClients zoho;

    @Test
    void theAuditListsItemsWhoseSkusCollideAndCustomersThatLookDuplicated() throws Exception {
        // Given someone created "ra 100" by hand in the UK org, next to the seed item "RA-100", and a second Initech
        zoho.books().createItem(SeedIds.UK_ORG_ID, new NewItem("Robot arm (copy)", "ra 100", new BigDecimal("1"), null,
                null, Map.of())).block();
        zoho.books().createContact(SeedIds.UK_ORG_ID, new NewContact("Initech UK Ltd.", null, null, null, Map.of())).block();

        // When the UK org is audited
        HttpResponse<String> audit = http("GET", "/api/v1/audit/organizations/" + SeedIds.UK_ORG_ID);

        // Then both show up
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"normalizedSku\":\"RA100\"", SeedIds.BOOKS_ITEM_ROBOT_ARM_UK, "ra 100")
                .contains("same name once normalized", SeedIds.BOOKS_CONTACT_INITECH, "Initech UK Ltd.");
    }

    @Test
    void aRequestZohoKeepsFailingIsDeadLetteredWithItsReasonAndCategoryAndReplayedOnceZohoIsBack() throws Exception {
        // Given Books answers every call of the UK org with a 5xx
        String account = CrmData.account(CrmData.unique("Brit Co"), "", "United Kingdom", SeedIds.LEGAL_ENTITY_UK);
        InvoiceRequested request = Requests.wholeDeal(CrmData.deal("Closed Won", "120.00", "GBP", account));
        TestZoho.admin().put("faults/" + SeedIds.UK_ORG_ID, "{\"error_5xx_probability\":1.0}");
        try {
            // When the request arrives, it is retried, then parked with the reason
            send(request);
            TopicProbe<String, byte[]> deadLetters = new TopicProbe<>(Topics.INVOICE_REQUESTS.deadLetterTopic(
                    Service.INVOICE_SERVICE), new StringDeserializer(), new ByteArrayDeserializer());
            ConsumerRecord<String, byte[]> parked = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300)).until(() -> deadLetters.records().stream()
                            .filter(r -> request.getDealId().equals(r.key())).findFirst().orElse(null), r -> r != null);
            assertThat(new String(parked.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .contains("ZohoApiException", "answered 500");
            assertThat(Requests.header(parked, FailureCategory.HEADER)).isEqualTo("BOOKS_UNAVAILABLE");
            // And the request does not stay "accepted" with no reason: its outcome names the category and the cause
            io.dealledger.events.InvoiceRejected said = (io.dealledger.events.InvoiceRejected)
                    Requests.awaitOutcomes(request.getRequestId(), 1).get(0).value();
            assertThat(said.getReasons()).singleElement().satisfies(reason -> {
                assertThat(reason.getCategory()).isEqualTo("BOOKS_UNAVAILABLE");
                assertThat(reason.getMessage()).startsWith("Books unavailable: ").contains("answered 500")
                        .contains("replay it once Zoho answers again");
            });
        } finally {
            TestZoho.admin().put("faults/" + SeedIds.UK_ORG_ID, "{\"error_5xx_probability\":0}");
        }

        // When Zoho is back and the gateway replays the dead letter (invoice-service no longer replays by itself)
        assertThat(http("POST", "/api/v1/dead-letters/replay").statusCode()).isEqualTo(404);
        Requests.replay(Requests.deadLetters(request.getDealId()).get(0));

        // Then the request is invoiced
        assertThat(awaitEventuallyIssued(request).getOrganizationId()).isEqualTo(SeedIds.UK_ORG_ID);
    }

    private HttpResponse<String> http(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
