package io.dealledger.invoice.preview;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Set;

import io.dealledger.invoice.stage.StageAmount;
import io.dealledger.service.http.FieldRefusal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a preview: the public invoice request's JSON, read by the gateway's rules (the gateway has
 * already checked it; a caller on the internal port still gets a 400 naming the field). Empty or {@code {}}
 * is the whole deal; {@code {"stage": {"label", "percentage" | "fixedAmount" + "currency"}, "requestedBy"}} a stage.
 *
 * @param stage         how much of the deal
 * @param stageCurrency the fixed amount's currency, else null
 * @param requestedBy   who asks (not used by the preview, but validated like the request's)
 */
public record PreviewBody(StageAmount stage, String stageCurrency, String requestedBy) {

    /** A body the preview refuses: the field (its path in the body) and why. */
    public static final class Invalid extends FieldRefusal {

        Invalid(String field, String reason) {
            super(field, reason);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> FIELDS = Set.of("stage", "requestedBy");
    private static final Set<String> STAGE_FIELDS = Set.of("label", "percentage", "fixedAmount", "currency");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static PreviewBody parse(byte[] body) {
        String text = utf8(body == null ? new byte[0] : body);
        if (text.isBlank()) {
            return new PreviewBody(new StageAmount.WholeDeal(), null, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Invalid("body", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("body", "must be a JSON object");
        }
        allowOnly(root, "", FIELDS);
        String requestedBy = text(root, "", "requestedBy", 200);
        JsonNode stage = value(root, "stage");
        if (stage == null) {
            return new PreviewBody(new StageAmount.WholeDeal(), null, requestedBy);
        }
        if (!stage.isObject()) {
            throw new Invalid("stage", "must be a JSON object");
        }
        allowOnly(stage, "stage.", STAGE_FIELDS);
        String label = text(stage, "stage.", "label", 100);
        if (label == null) {
            throw new Invalid("stage.label", "is required");
        }
        BigDecimal percentage = decimal(stage, "percentage", 4, 3);
        BigDecimal fixedAmount = decimal(stage, "fixedAmount", 3, 17);
        String currency = currency(stage);
        if ((percentage == null) == (fixedAmount == null)) {
            throw new Invalid("stage", "must have exactly one of percentage or fixedAmount");
        }
        if (percentage != null) {
            if (percentage.signum() == 0 || percentage.compareTo(HUNDRED) > 0) {
                throw new Invalid("stage.percentage", "must be in (0, 100]");
            }
            if (currency != null) {
                throw new Invalid("stage.currency", "applies to fixedAmount only; a percentage is of the deal's own currency");
            }
            return new PreviewBody(new StageAmount.Percentage(label, percentage), null, requestedBy);
        }
        if (fixedAmount.signum() == 0) {
            throw new Invalid("stage.fixedAmount", "must be greater than 0");
        }
        if (currency == null) {
            throw new Invalid("stage.currency", "is required with fixedAmount");
        }
        return new PreviewBody(new StageAmount.Fixed(label, fixedAmount), currency, requestedBy);
    }

    private static void allowOnly(JsonNode object, String prefix, Set<String> allowed) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new Invalid(prefix + name, "is not a known field; known fields are " + allowed.stream().sorted().toList());
            }
        }
    }

    /** Absent, null and "" are all "not given", as CRM renders an empty merge field. */
    private static JsonNode value(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() || (value.isString() && value.stringValue().isBlank()) ? null : value;
    }

    private static String text(JsonNode object, String prefix, String name, int maxLength) {
        JsonNode value = value(object, name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw new Invalid(prefix + name, "must be a string");
        }
        String text = value.stringValue().strip();
        if (text.length() > maxLength) {
            throw new Invalid(prefix + name, "must not be longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new Invalid(prefix + name, "must not contain control characters");
        }
        return text;
    }

    private static BigDecimal decimal(JsonNode stage, String name, int scale, int integerDigits) {
        JsonNode value = value(stage, name);
        if (value == null) {
            return null;
        }
        String field = "stage." + name;
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isString() && value.stringValue().strip().matches("-?[0-9]{1,40}(\\.[0-9]{1,40})?")) {
            number = new BigDecimal(value.stringValue().strip());
        } else {
            throw new Invalid(field, "must be a decimal number");
        }
        if (number.signum() < 0) {
            throw new Invalid(field, "must not be negative");
        }
        if (number.signum() != 0 && number.precision() - number.scale() > integerDigits) {
            throw new Invalid(field, "must have at most " + integerDigits + " digits before the decimal point");
        }
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new Invalid(field, "must have at most " + scale + " decimals");
        }
        return stripped.setScale(scale);
    }

    private static String currency(JsonNode stage) {
        String code = text(stage, "stage.", "currency", 3);
        if (code == null) {
            return null;
        }
        try {
            if (code.matches("[A-Z]{3}") && Currency.getInstance(code) != null) {
                return code;
            }
        } catch (IllegalArgumentException unknown) {
            // refused below
        }
        throw new Invalid("stage.currency", "must be an ISO 4217 currency code, e.g. USD");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid("body", "is not valid UTF-8");
        }
    }
}
