package io.dealledger.ledger.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.core.money.Money;
import io.dealledger.ledger.deal.DealInput;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.deal.DealView;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The binary deal state and deal inputs: every component of every record survives (values are generated from the
 * records' own components, so a component the codec forgets fails here), absent values stay absent, and what an
 * earlier version wrote as JSON still reads.
 */
class DealCodecTest {

    private final DealStateSerde states = new DealStateSerde();
    private final DealInputSerde inputs = new DealInputSerde();

    @Test
    void aDealStateWithEveryComponentSetReadsBackEqual() {
        DealState state = Values.filled(DealState.class);

        DealState read = states.deserializer().deserialize("t", states.serializer().serialize("t", state));

        assertThat(read).isEqualTo(state);
        assertThat(read.invoices()).hasSize(2);
        assertThat(read.history().terms()).hasSize(2);
    }

    @Test
    void aDealStateWithEveryOptionalValueAbsentReadsBackEqual() {
        DealState sparse = Values.sparse(DealState.class);
        DealState empty = DealState.empty("deal-1");

        assertThat(roundTrip(sparse)).isEqualTo(sparse);
        assertThat(roundTrip(empty)).isEqualTo(empty);
    }

    @Test
    void everyKindOfDealInputReadsBackEqual() {
        List<Class<? extends DealInput>> kinds = List.of(DealInput.InvoiceChanged.class, DealInput.Terms.class,
                DealInput.Issued.class, DealInput.Rejected.class, DealInput.AccountSeen.class,
                DealInput.LinkSeen.class, DealInput.LinkRejectionChanged.class);
        assertThat(DealInput.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(kinds);

        for (Class<? extends DealInput> kind : kinds) {
            DealInput filled = Values.filled(kind);
            DealInput sparse = Values.sparse(kind);
            assertThat(inputs.deserializer().deserialize("t", inputs.serializer().serialize("t", filled)))
                    .as(kind.getSimpleName()).isEqualTo(filled);
            assertThat(inputs.deserializer().deserialize("t", inputs.serializer().serialize("t", sparse)))
                    .as(kind.getSimpleName() + " sparse").isEqualTo(sparse);
        }
        DealInput.InvoiceChanged left = new DealInput.InvoiceChanged(new InvoiceRef("org", "inv-1"), null);
        assertThat(inputs.deserializer().deserialize("t", inputs.serializer().serialize("t", left))).isEqualTo(left);
    }

    @Test
    void aDealStateTheEarlierVersionWroteAsJsonStillReads() {
        DealState state = Values.filled(DealState.class);
        byte[] earlier = new JsonSerde<>(DealState.class).serializer().serialize("t", state);

        assertThat(states.deserializer().deserialize("t", earlier)).isEqualTo(state);
    }

    @Test
    void dealInputsInFlightAsJsonStillRead() {
        InvoiceView view = Values.filled(InvoiceView.class);
        String withoutKind = new String(new JsonSerde<>(DealInput.InvoiceChanged.class).serializer().serialize("t",
                new DealInput.InvoiceChanged(view.invoice(), view)), StandardCharsets.UTF_8);
        String withKind = "{\"kind\":\"LinkSeen\",\"invoice\":{\"organizationId\":\"org\",\"invoiceId\":\"inv-9\"}}";

        assertThat(inputs.deserializer().deserialize("t", withoutKind.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new DealInput.InvoiceChanged(view.invoice(), view));
        assertThat(inputs.deserializer().deserialize("t", withKind.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new DealInput.LinkSeen(new InvoiceRef("org", "inv-9")));
    }

    @Test
    void truncatedOrUnknownBytesAreASerializationErrorNamingTheTopic() {
        byte[] whole = states.serializer().serialize("t", Values.filled(DealState.class));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertThatThrownBy(() -> states.deserializer().deserialize("deal-ledgers-changelog", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("deal-ledgers-changelog");
        assertThatThrownBy(() -> inputs.deserializer().deserialize("invoices-by-deal", new byte[] {9, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("invoices-by-deal");
        assertThatThrownBy(() -> inputs.deserializer().deserialize("invoices-by-deal", new byte[] {1, 42}))
                .isInstanceOf(SerializationException.class).hasRootCauseMessage("unknown deal input kind 42");
    }

    @Test
    void amountsKeepTheirScaleAndAmountsBeyondALongSurvive() {
        DealInput.Terms terms = new DealInput.Terms("e", Instant.parse("2026-01-02T03:04:05.123456789Z"), "org",
                new BigDecimal("123456789012345678901234567890.12"), "USD");
        DealInput.Terms tiny = new DealInput.Terms("e", Instant.EPOCH, "org", new BigDecimal("-0.10"), "JPY");

        assertThat(inputs.deserializer().deserialize("t", inputs.serializer().serialize("t", terms))).isEqualTo(terms);
        DealInput read = inputs.deserializer().deserialize("t", inputs.serializer().serialize("t", tiny));
        assertThat(((DealInput.Terms) read).amount()).isEqualByComparingTo("-0.1").hasToString("-0.10");
    }

    private DealState roundTrip(DealState state) {
        return states.deserializer().deserialize("t", states.serializer().serialize("t", state));
    }

    /** Instances built from the records' components, so a component added later is covered without editing this. */
    static final class Values {

        private static final AtomicInteger SEQUENCE = new AtomicInteger();

        static <T> T filled(Class<T> type) {
            return type.cast(value(type, type, true));
        }

        static <T> T sparse(Class<T> type) {
            return type.cast(value(type, type, false));
        }

        private static Object value(Class<?> type, Type generic, boolean filled) {
            int n = SEQUENCE.incrementAndGet();
            if (type == boolean.class) {
                return filled;
            } else if (type == int.class) {
                return filled ? n : 0;
            } else if (type == long.class) {
                return filled ? 1_000_000_000_000L + n : 0L;
            } else if (type == InvoiceRef.class) {
                return new InvoiceRef("org-" + n, "inv-" + n); // never absent
            } else if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
                return filled ? collection(type, (ParameterizedType) generic) : empty(type);
            } else if (type.isRecord() && type != Money.class) {
                return record(type, filled);
            } else if (!filled) {
                return null;
            } else if (type == String.class) {
                return "text-" + n + "-é";
            } else if (type == BigDecimal.class) {
                return new BigDecimal("-12345.67" + n);
            } else if (type == Money.class) {
                return Money.of("987.65" + (n % 10), "EUR");
            } else if (type == Currency.class) {
                return Currency.getInstance("JPY");
            } else if (type == Instant.class) {
                return Instant.parse("2026-06-30T23:59:59.5Z").plusSeconds(n);
            } else if (type == LocalDate.class) {
                return LocalDate.of(2026, 2, 28).plusDays(n);
            } else if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                return constants[constants.length - 1];
            }
            throw new IllegalArgumentException("no generated value for " + type);
        }

        private static Object record(Class<?> type, boolean filled) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                arguments[i] = value(types[i], components[i].getGenericType(), filled);
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type, e);
            }
        }

        private static Object collection(Class<?> type, ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            Type element = arguments[arguments.length - 1];
            Class<?> elementType = (Class<?>) (element instanceof ParameterizedType p ? p.getRawType() : element);
            if (Map.class.isAssignableFrom(type)) {
                Map<String, Object> map = new TreeMap<>();
                map.put("key-a", value(elementType, element, true));
                map.put("key-b", value(elementType, element, true));
                return map;
            }
            List<Object> list = new ArrayList<>();
            list.add(value(elementType, element, true));
            list.add(value(elementType, element, true));
            return Set.class.isAssignableFrom(type) ? new TreeSet<>(list) : list;
        }

        private static Object empty(Class<?> type) {
            return Map.class.isAssignableFrom(type) ? Map.of() : Set.class.isAssignableFrom(type) ? Set.of() : List.of();
        }
    }
}
