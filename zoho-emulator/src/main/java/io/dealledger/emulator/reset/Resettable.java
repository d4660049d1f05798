package io.dealledger.emulator.reset;

/** State the admin reset returns to its start: every store, counter and log implements it. */
public interface Resettable {

    void reset();
}
