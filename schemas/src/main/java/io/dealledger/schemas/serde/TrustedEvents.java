package io.dealledger.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/** Registers the generated event package with Avro 1.12's class security, so decoding may instantiate it. */
final class TrustedEvents {

    static final String PACKAGE = "io.dealledger.events";

    private static volatile boolean registered;

    private TrustedEvents() {
    }

    static synchronized void register() {
        if (registered) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate events = type -> PACKAGE.equals(type.getPackageName());
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), events));
        registered = true;
    }
}
