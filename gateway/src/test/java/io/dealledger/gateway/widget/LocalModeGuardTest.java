package io.dealledger.gateway.widget;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocalModeGuardTest {

    @Test
    void offNeedsNothing() {
        assertThatCode(() -> LocalModeGuard.check(false, "", List.of("a-production-secret-0123")))
                .doesNotThrowAnyException();
    }

    @Test
    void onIsAllowedOnLoopbackWithLocalSecrets() {
        assertThatCode(() -> LocalModeGuard.check(true, "127.0.0.1", List.of("local-0123456789ab")))
                .doesNotThrowAnyException();
        assertThatCode(() -> LocalModeGuard.check(true, "::1", List.of("e2e-crm-signing-secret-0001",
                "local-previous-secret"))).doesNotThrowAnyException();
    }

    @Test
    void onIsRefusedWhenTheGatewayListensBeyondThisMachine() {
        assertThatThrownBy(() -> LocalModeGuard.check(true, "", List.of("local-0123456789ab")))
                .hasMessageContaining("SERVER_ADDRESS=127.0.0.1").hasMessageContaining("all interfaces");
        assertThatThrownBy(() -> LocalModeGuard.check(true, "0.0.0.0", List.of("local-0123456789ab")))
                .hasMessageContaining("loopback");
    }

    @Test
    void onIsRefusedWithProductionSecrets() {
        assertThatThrownBy(() -> LocalModeGuard.check(true, "127.0.0.1", List.of("3f9a1c0d5e7b2a4c6e8f0a1b")))
                .hasMessageContaining("DEALLEDGER_CRM_SIGNING_SECRET").hasMessageContaining("production");
        assertThatThrownBy(() -> LocalModeGuard.check(true, "127.0.0.1", List.of("local-0123456789ab",
                "3f9a1c0d5e7b2a4c6e8f0a1b"))).hasMessageContaining("not a local secret");
    }
}
