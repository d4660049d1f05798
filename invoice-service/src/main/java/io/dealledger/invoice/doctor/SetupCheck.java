package io.dealledger.invoice.doctor;

/**
 * One line of the doctor's checklist: what was checked, what was found, and, unless it passed, what to do.
 *
 * @param blocking whether invoicing cannot work while this check fails
 */
public record SetupCheck(String name, Status status, boolean blocking, String detail, String fix) {

    public enum Status {
        PASS, WARN, FAIL, SKIPPED,
        /** Not checked here (no published API, or another service's settings): the fix text says what to verify. */
        MANUAL
    }

    public static SetupCheck pass(String name, String detail) {
        return new SetupCheck(name, Status.PASS, false, detail, null);
    }

    public static SetupCheck fail(String name, String detail, String fix) {
        return new SetupCheck(name, Status.FAIL, true, detail, fix);
    }

    public static SetupCheck warn(String name, String detail, String fix) {
        return new SetupCheck(name, Status.WARN, false, detail, fix);
    }

    public static SetupCheck skipped(String name, String detail, String fix) {
        return new SetupCheck(name, Status.SKIPPED, false, detail, fix);
    }

    public static SetupCheck manual(String name, String why, String fix) {
        return new SetupCheck(name, Status.MANUAL, false, why, fix);
    }

    /** Invoicing cannot work while this stands. */
    public boolean stopsInvoicing() {
        return status == Status.FAIL && blocking;
    }
}
