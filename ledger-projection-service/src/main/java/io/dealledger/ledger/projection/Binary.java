package io.dealledger.ledger.projection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;

import io.dealledger.core.money.Money;

/**
 * The primitives of the projection's binary state format ({@link DealCodec}): unsigned and zig-zag varints, strings
 * as UTF-8 with their length plus one (0 is null), exact decimals as unscaled value and scale, and a presence byte
 * before every optional value. Internal state only (stores and repartition topics), never a published contract.
 */
final class Binary {

    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;
    private static final byte LONG_UNSCALED = 1;
    private static final byte BIG_UNSCALED = 2;

    private Binary() {
    }

    /** A growing buffer written front to back. */
    static final class Out {

        private byte[] bytes = new byte[256];
        private int size;

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        /** Whether a value follows; false for null. */
        boolean present(Object value) {
            writeByte(value == null ? ABSENT : PRESENT);
            return value != null;
        }

        void writeUnsigned(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        void writeLong(long value) {
            writeUnsigned((value << 1) ^ (value >> 63));
        }

        void writeString(String value) {
            if (value == null) {
                writeUnsigned(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeUnsigned(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void writeDecimal(BigDecimal value) {
            if (!present(value)) {
                return;
            }
            writeLong(value.scale());
            BigInteger unscaled = value.unscaledValue();
            if (unscaled.bitLength() < 63) {
                writeByte(LONG_UNSCALED);
                writeLong(unscaled.longValue());
            } else {
                writeByte(BIG_UNSCALED);
                byte[] twosComplement = unscaled.toByteArray();
                writeUnsigned(twosComplement.length);
                ensure(twosComplement.length);
                System.arraycopy(twosComplement, 0, bytes, size, twosComplement.length);
                size += twosComplement.length;
            }
        }

        void writeCurrency(Currency currency) {
            writeString(currency == null ? null : currency.getCurrencyCode());
        }

        void writeMoney(Money money) {
            if (present(money)) {
                writeDecimal(money.amount());
                writeCurrency(money.currency());
            }
        }

        void writeInstant(Instant instant) {
            if (present(instant)) {
                writeLong(instant.getEpochSecond());
                writeUnsigned(instant.getNano());
            }
        }

        void writeDate(LocalDate date) {
            if (present(date)) {
                writeLong(date.toEpochDay());
            }
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** A reader over one encoded value; a truncated or unknown encoding throws IllegalArgumentException. */
    static final class In {

        private final byte[] bytes;
        private int position;

        In(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int readByte() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("truncated at byte " + position);
            }
            return bytes[position++];
        }

        boolean readBoolean() {
            return readByte() != 0;
        }

        boolean present() {
            int tag = readByte();
            if (tag != ABSENT && tag != PRESENT) {
                throw new IllegalArgumentException("bad presence byte " + tag + " at " + (position - 1));
            }
            return tag == PRESENT;
        }

        long readUnsigned() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long at " + position);
        }

        long readLong() {
            long raw = readUnsigned();
            return (raw >>> 1) ^ -(raw & 1);
        }

        int readInt() {
            return Math.toIntExact(readLong());
        }

        int readCount() {
            return Math.toIntExact(readUnsigned());
        }

        String readString() {
            int length = Math.toIntExact(readUnsigned()) - 1;
            if (length < 0) {
                return null;
            }
            String value = new String(take(length), position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        BigDecimal readDecimal() {
            if (!present()) {
                return null;
            }
            int scale = readInt();
            int kind = readByte();
            if (kind == LONG_UNSCALED) {
                return BigDecimal.valueOf(readLong(), scale);
            } else if (kind == BIG_UNSCALED) {
                int length = readCount();
                byte[] twosComplement = Arrays.copyOfRange(take(length), position, position + length);
                position += length;
                return new BigDecimal(new BigInteger(twosComplement), scale);
            }
            throw new IllegalArgumentException("bad decimal kind " + kind + " at " + (position - 1));
        }

        Currency readCurrency() {
            String code = readString();
            return code == null ? null : Currency.getInstance(code);
        }

        Money readMoney() {
            return present() ? new Money(readDecimal(), readCurrency()) : null;
        }

        Instant readInstant() {
            return present() ? Instant.ofEpochSecond(readLong(), readUnsigned()) : null;
        }

        LocalDate readDate() {
            return present() ? LocalDate.ofEpochDay(readLong()) : null;
        }

        void expectEnd() {
            if (position != bytes.length) {
                throw new IllegalArgumentException((bytes.length - position) + " bytes left over");
            }
        }

        /** The buffer, once it is known to hold {@code length} more bytes. */
        private byte[] take(int length) {
            if (length > bytes.length - position) {
                throw new IllegalArgumentException("truncated: " + length + " bytes wanted at " + position);
            }
            return bytes;
        }
    }
}
