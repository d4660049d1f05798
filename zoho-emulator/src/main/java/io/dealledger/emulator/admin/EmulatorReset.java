package io.dealledger.emulator.admin;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.inspection.CallLog;
import io.dealledger.emulator.inspection.CrmWriteLog;
import io.dealledger.emulator.reset.Resettable;
import io.dealledger.emulator.seed.DefaultDataSet;
import io.dealledger.emulator.world.WorldJournal;
import io.dealledger.emulator.world.WorldReplay;

/**
 * Returns the emulator to its start: every store, counter, fault, limit override, log and the clock
 * offset; then loads the default data set (unless switched off). Issued access
 * tokens survive, so a client's cached token keeps working across test cases. At start, a world kept in a journal is
 * restored instead: its seed (at the instant it was loaded), then its writes.
 */
@Component
public class EmulatorReset {

    private final List<Resettable> state;
    private final DefaultDataSet dataSet;
    private final CallLog calls;
    private final CrmWriteLog crmWrites;
    private final boolean seedByDefault;
    private final WorldJournal journal;
    private final WorldReplay replay;
    private final EmulatorClock clock;

    public EmulatorReset(List<Resettable> state, DefaultDataSet dataSet, CallLog calls, CrmWriteLog crmWrites,
            EmulatorProperties properties, WorldJournal journal, WorldReplay replay, EmulatorClock clock) {
        this.journal = journal;
        this.replay = replay;
        this.clock = clock;
        this.state = state;
        this.dataSet = dataSet;
        this.calls = calls;
        this.crmWrites = crmWrites;
        this.seedByDefault = properties.seed().enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart(ApplicationReadyEvent ready) {
        WorldJournal.Restored world = journal.open(seedByDefault);
        clock.pin(world.startedAt());
        try {
            load(world.seeded());
        } finally {
            clock.unpin();
        }
        replay.play(world.writes(), baseUrl(ready.getApplicationContext().getEnvironment()));
    }

    /** Back to the start; not for a world kept in a journal ({@link #kept()}), which a reset would split from its facts. */
    public synchronized void reset(boolean seed) {
        if (kept()) {
            throw new IllegalStateException("the emulator keeps its world in " + journal.file()
                    + ": clear the folder with the broker's data instead of resetting it");
        }
        load(seed);
    }

    public boolean kept() {
        return journal.persisted();
    }

    private void load(boolean seed) {
        state.forEach(Resettable::reset);
        if (seed) {
            dataSet.load();
            // the data set is not traffic: inspection starts empty
            calls.reset();
            crmWrites.reset();
        }
    }

    private static String baseUrl(Environment environment) {
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + environment.getRequiredProperty("local.server.port");
    }

    public boolean seedByDefault() {
        return seedByDefault;
    }
}
