package io.dealledger.emulator.admin;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.inspection.CallLog;
import io.dealledger.emulator.inspection.CrmWriteLog;
import io.dealledger.emulator.reset.Resettable;
import io.dealledger.emulator.seed.DefaultDataSet;

/**
 * Returns the emulator to its start: every store, counter, fault, limit override, log and the clock
 * offset; then loads the default data set (unless switched off). Issued access tokens survive, so a
 * client's cached token keeps working across test cases.
 */
@Component
public class EmulatorReset {

    private final List<Resettable> state;
    private final DefaultDataSet dataSet;
    private final CallLog calls;
    private final CrmWriteLog crmWrites;
    private final boolean seedByDefault;

    public EmulatorReset(List<Resettable> state, DefaultDataSet dataSet, CallLog calls, CrmWriteLog crmWrites,
            EmulatorProperties properties) {
        this.state = state;
        this.dataSet = dataSet;
        this.calls = calls;
        this.crmWrites = crmWrites;
        this.seedByDefault = properties.seed().enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        reset(seedByDefault);
    }

    public synchronized void reset(boolean seed) {
        state.forEach(Resettable::reset);
        if (seed) {
            dataSet.load();
            // the data set is not traffic: inspection starts empty
            calls.reset();
            crmWrites.reset();
        }
    }

    public boolean seedByDefault() {
        return seedByDefault;
    }
}
