package io.dealledger.invoice.doctor;

/**
 * One line of the doctor's checklist: what was checked, what was found, and, unless it passed, what to do.
 *
 * @param blocking whether invoicing cannot work while this check fails
 */
public record SetupCheck(String name, Status status, boolean blocking, String detail, String fix) {

    public enum Status {
        PASS, WARN, FAIL, SKIPPED,
        /** Zoho publishes no API the doctor can read this from: the fix text says what to verify by hand. */
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

    public static SetupCheck manual(String name, String fix) {
        return new SetupCheck(name, Status.MANUAL, false, "not readable through Zoho's published APIs", fix);
    }

    /** Invoicing cannot work while this stands. */
    public boolean stopsInvoicing() {
        return status == Status.FAIL && blocking;
    }
}
