package io.dealledger.gateway.widget;

import io.dealledger.gateway.support.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Local mode is off unless configured: the widget page, its files and the signing route do not exist. */
class WidgetRoutesOffIT extends GatewayIT {

    @Test
    void theWidgetRoutesAnswer404() {
        for (String path : new String[] {"/widget", "/widget/", "/widget/widget.html", "/widget/widget.js",
                "/widget/local/sdk.js"}) {
            http.get().uri(path).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.post().uri("/widget/local/call").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"method\":\"GET\",\"path\":\"/api/v1/deals/1/ledger\",\"body\":\"\"}")
                .exchange().expectStatus().isNotFound();
    }
}
