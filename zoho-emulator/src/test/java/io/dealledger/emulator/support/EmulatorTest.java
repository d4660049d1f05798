package io.dealledger.emulator.support;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.dealledger.emulator.admin.EmulatorReset;
import io.dealledger.emulator.oauth.AccessTokens;
import io.dealledger.emulator.seed.SeedIds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every HTTP test: one shared Spring context (same configuration everywhere), reset to the
 * default data set before each test, and a client holding a valid access token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmulatorTest {

    protected static final String US = SeedIds.US_ORG_ID;
    protected static final String UK = SeedIds.UK_ORG_ID;

    @LocalServerPort
    protected int port;

    @Autowired
    private EmulatorReset reset;

    @Autowired
    private AccessTokens tokens;

    protected ZohoHttp zoho;
    protected ZohoHttp anonymous;

    @BeforeEach
    void resetEmulator() {
        reset.reset(true);
        anonymous = new ZohoHttp("http://localhost:" + port);
        zoho = new ZohoHttp("http://localhost:" + port).withToken(tokens.issue().accessToken());
    }

    @Autowired
    private io.dealledger.emulator.clock.EmulatorClock clock;

    /** Moves "today" forward; tokens issued before expire with it, so the client takes a fresh one, as a real client would. */
    protected void advanceClock(java.time.Duration by) {
        clock.advance(by);
        zoho.withToken(tokens.issue().accessToken());
    }

    protected static String books(String path, String org) {
        return "/books/v3" + path + (path.contains("?") ? "&" : "?") + "organization_id=" + org;
    }

    /** The Books money invariant, checked on what a client reads. */
    protected static void assertBalanced(Json invoice) {
        BigDecimal expected = invoice.decimal("total").subtract(invoice.decimal("payment_made"))
                .subtract(invoice.decimal("credits_applied")).subtract(invoice.decimal("write_off_amount"));
        if ("void".equals(invoice.string("status"))) {
            expected = BigDecimal.ZERO;
        }
        assertThat(invoice.decimal("balance")).isEqualByComparingTo(expected);
    }

    protected static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
