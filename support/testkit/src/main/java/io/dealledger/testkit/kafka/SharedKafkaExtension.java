package io.dealledger.testkit.kafka;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the shared broker before a test class (and before its Spring context), see {@link UsesKafka}. */
public class SharedKafkaExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedKafka.bootstrapServers();
    }
}
