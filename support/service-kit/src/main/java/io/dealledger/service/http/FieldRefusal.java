package io.dealledger.service.http;

/**
 * A request refused for one of its values: the field (its path in the body, or the parameter) and why, as a
 * {@link Problem} names them. Subclasses say which refusal it is (invalid, not found); no stack trace, it is
 * data for the caller, not a fault.
 */
public class FieldRefusal extends RuntimeException {

    private final String field;
    private final String reason;

    protected FieldRefusal(String field, String reason) {
        super(field + " " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
