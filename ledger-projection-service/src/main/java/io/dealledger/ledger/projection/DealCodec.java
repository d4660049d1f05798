package io.dealledger.ledger.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.ledger.deal.DealHistory;
import io.dealledger.ledger.deal.DealInput;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.deal.DealView;

/**
 * The binary form of a deal's state (store {@value LedgerTopology#DEAL_STORE}) and of the deal inputs the
 * {@code invoices-by-deal} repartition carries: every record component in declaration order, written with
 * {@link Binary}'s primitives. JSON took a third of the stream thread's CPU in a rebuild (README, "Benchmark"); this
 * form is written and read without field names or number text.
 *
 * <p>The first byte says the format: {@value #FORMAT_1} here, {@code '{'} for the JSON written before it (still read,
 * so stores, changelogs and records in flight across the upgrade stay readable). A component added to one of these
 * records needs a new format number, written from then on, with this one still read.
 */
final class DealCodec {

    static final int FORMAT_1 = 1;
    static final int JSON = '{';

    private DealCodec() {
    }

    static byte[] encode(DealState state) {
        Binary.Out out = new Binary.Out();
        out.writeByte(FORMAT_1);
        out.writeString(state.dealId());
        optional(out, state.terms(), DealCodec::writeTerms);
        optional(out, state.issued(), DealCodec::writeIssued);
        optional(out, state.rejected(), DealCodec::writeRejected);
        optional(out, state.account(), DealCodec::writeAccountSeen);
        map(out, state.invoices(), DealCodec::writeInvoiceView);
        map(out, state.linkRejections(), DealCodec::writeLinkRejection);
        optional(out, state.emitted(), DealCodec::writeDealView);
        out.writeLong(state.version());
        DealHistory history = state.history();
        out.writeUnsigned(history.invoices().size());
        history.invoiceKeys().forEach(out::writeString);
        list(out, history.terms(), DealCodec::writeTerms);
        list(out, history.issued(), DealCodec::writeIssued);
        list(out, history.accounts(), DealCodec::writeAccountSeen);
        return out.toByteArray();
    }

    static DealState decodeState(byte[] data) {
        Binary.In in = format1(data);
        String dealId = in.readString();
        DealInput.Terms terms = optional(in, DealCodec::readTerms);
        DealInput.Issued issued = optional(in, DealCodec::readIssued);
        DealInput.Rejected rejected = optional(in, DealCodec::readRejected);
        DealInput.AccountSeen account = optional(in, DealCodec::readAccountSeen);
        Map<String, InvoiceView> invoices = map(in, DealCodec::readInvoiceView);
        Map<String, DealView.LinkRejection> linkRejections = map(in, DealCodec::readLinkRejection);
        DealView emitted = optional(in, DealCodec::readDealView);
        long version = in.readLong();
        int invoiceKeys = in.readCount();
        Set<String> historyInvoices = new LinkedHashSet<>();
        for (int i = 0; i < invoiceKeys; i++) {
            historyInvoices.add(in.readString());
        }
        DealHistory history = new DealHistory(historyInvoices, list(in, DealCodec::readTerms),
                list(in, DealCodec::readIssued), list(in, DealCodec::readAccountSeen));
        in.expectEnd();
        return new DealState(dealId, terms, issued, rejected, account, invoices, linkRejections, emitted, version,
                history);
    }

    /** Kinds of deal input: one byte after the format. */
    private static final int INVOICE_CHANGED = 1;
    private static final int ACCOUNT_SEEN = 2;
    private static final int LINK_SEEN = 3;
    private static final int LINK_REJECTION_CHANGED = 4;
    private static final int TERMS = 5;
    private static final int ISSUED = 6;
    private static final int REJECTED = 7;

    static byte[] encode(DealInput input) {
        Binary.Out out = new Binary.Out();
        out.writeByte(FORMAT_1);
        if (input instanceof DealInput.InvoiceChanged changed) {
            out.writeByte(INVOICE_CHANGED);
            writeRef(out, changed.invoice());
            optional(out, changed.view(), DealCodec::writeInvoiceView);
        } else if (input instanceof DealInput.AccountSeen seen) {
            out.writeByte(ACCOUNT_SEEN);
            writeAccountSeen(out, seen);
        } else if (input instanceof DealInput.LinkSeen seen) {
            out.writeByte(LINK_SEEN);
            writeRef(out, seen.invoice());
        } else if (input instanceof DealInput.LinkRejectionChanged changed) {
            out.writeByte(LINK_REJECTION_CHANGED);
            writeRef(out, changed.invoice());
            optional(out, changed.rejection(), DealCodec::writeLinkRejection);
        } else if (input instanceof DealInput.Terms terms) {
            out.writeByte(TERMS);
            writeTerms(out, terms);
        } else if (input instanceof DealInput.Issued issued) {
            out.writeByte(ISSUED);
            writeIssued(out, issued);
        } else if (input instanceof DealInput.Rejected rejected) {
            out.writeByte(REJECTED);
            writeRejected(out, rejected);
        } else {
            throw new IllegalArgumentException("unknown deal input " + input.getClass().getSimpleName());
        }
        return out.toByteArray();
    }

    static DealInput decodeInput(byte[] data) {
        Binary.In in = format1(data);
        int kind = in.readByte();
        DealInput input = switch (kind) {
            case INVOICE_CHANGED -> new DealInput.InvoiceChanged(readRef(in), optional(in, DealCodec::readInvoiceView));
            case ACCOUNT_SEEN -> readAccountSeen(in);
            case LINK_SEEN -> new DealInput.LinkSeen(readRef(in));
            case LINK_REJECTION_CHANGED -> new DealInput.LinkRejectionChanged(readRef(in),
                    optional(in, DealCodec::readLinkRejection));
            case TERMS -> readTerms(in);
            case ISSUED -> readIssued(in);
            case REJECTED -> readRejected(in);
            default -> throw new IllegalArgumentException("unknown deal input kind " + kind);
        };
        in.expectEnd();
        return input;
    }

    private static Binary.In format1(byte[] data) {
        Binary.In in = new Binary.In(data, 0);
        int format = in.readByte();
        if (format != FORMAT_1) {
            throw new IllegalArgumentException("unknown state format " + format);
        }
        return in;
    }

    private static void writeTerms(Binary.Out out, DealInput.Terms terms) {
        out.writeString(terms.eventId());
        out.writeInstant(terms.occurredAt());
        out.writeString(terms.organizationId());
        out.writeDecimal(terms.amount());
        out.writeString(terms.currency());
    }

    private static DealInput.Terms readTerms(Binary.In in) {
        return new DealInput.Terms(in.readString(), in.readInstant(), in.readString(), in.readDecimal(),
                in.readString());
    }

    private static void writeIssued(Binary.Out out, DealInput.Issued issued) {
        out.writeString(issued.eventId());
        out.writeInstant(issued.occurredAt());
        out.writeString(issued.organizationId());
        out.writeString(issued.requestId());
        out.writeString(issued.invoiceId());
        out.writeDecimal(issued.dealAmount());
        out.writeString(issued.dealCurrency());
    }

    private static DealInput.Issued readIssued(Binary.In in) {
        return new DealInput.Issued(in.readString(), in.readInstant(), in.readString(), in.readString(),
                in.readString(), in.readDecimal(), in.readString());
    }

    private static void writeRejected(Binary.Out out, DealInput.Rejected rejected) {
        out.writeString(rejected.eventId());
        out.writeInstant(rejected.occurredAt());
        out.writeString(rejected.requestId());
        out.writeString(rejected.message());
        out.writeString(rejected.category());
    }

    private static DealInput.Rejected readRejected(Binary.In in) {
        return new DealInput.Rejected(in.readString(), in.readInstant(), in.readString(), in.readString(),
                in.readString());
    }

    private static void writeAccountSeen(Binary.Out out, DealInput.AccountSeen seen) {
        out.writeString(seen.eventId());
        out.writeInstant(seen.occurredAt());
        out.writeString(seen.accountId());
    }

    private static DealInput.AccountSeen readAccountSeen(Binary.In in) {
        return new DealInput.AccountSeen(in.readString(), in.readInstant(), in.readString());
    }

    private static void writeRef(Binary.Out out, InvoiceRef invoice) {
        if (out.present(invoice)) {
            out.writeString(invoice.organizationId());
            out.writeString(invoice.invoiceId());
        }
    }

    private static InvoiceRef readRef(Binary.In in) {
        return in.present() ? new InvoiceRef(in.readString(), in.readString()) : null;
    }

    private static void writeInvoiceView(Binary.Out out, InvoiceView view) {
        writeRef(out, view.invoice());
        out.writeString(view.dealId());
        out.writeBoolean(view.imported());
        out.writeBoolean(view.voided());
        out.writeString(view.number());
        out.writeString(view.customerId());
        out.writeString(view.url());
        out.writeCurrency(view.currency());
        out.writeMoney(view.total());
        out.writeMoney(view.paid());
        out.writeMoney(view.credited());
        out.writeMoney(view.refunded());
        out.writeMoney(view.writtenOff());
        out.writeMoney(view.balance());
        out.writeDate(view.dueDate());
        out.writeDate(view.lastPaymentDate());
        out.writeMoney(view.billed());
        out.writeDate(view.invoiceDate());
        out.writeString(view.status());
    }

    private static InvoiceView readInvoiceView(Binary.In in) {
        return new InvoiceView(readRef(in), in.readString(), in.readBoolean(), in.readBoolean(), in.readString(),
                in.readString(), in.readString(), in.readCurrency(), in.readMoney(), in.readMoney(), in.readMoney(),
                in.readMoney(), in.readMoney(), in.readMoney(), in.readDate(), in.readDate(), in.readMoney(),
                in.readDate(), in.readString());
    }

    private static void writeLinkRejection(Binary.Out out, DealView.LinkRejection rejection) {
        writeRef(out, rejection.invoice());
        out.writeString(rejection.requestId());
        out.writeString(rejection.code());
        out.writeString(rejection.category());
        out.writeString(rejection.message());
        out.writeInstant(rejection.occurredAt());
    }

    private static DealView.LinkRejection readLinkRejection(Binary.In in) {
        return new DealView.LinkRejection(readRef(in), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readInstant());
    }

    private static void writeLine(Binary.Out out, DealView.Line line) {
        writeRef(out, line.invoice());
        out.writeString(line.number());
        out.writeString(line.status());
        out.writeMoney(line.total());
        out.writeMoney(line.balance());
        out.writeDate(line.dueDate());
        out.writeString(line.url());
        out.writeDate(line.invoiceDate());
    }

    private static DealView.Line readLine(Binary.In in) {
        return new DealView.Line(readRef(in), in.readString(), in.readString(), in.readMoney(), in.readMoney(),
                in.readDate(), in.readString(), in.readDate());
    }

    private static void writeDealView(Binary.Out out, DealView view) {
        out.writeString(view.dealId());
        out.writeString(view.organizationId());
        out.writeString(view.accountId());
        out.writeString(view.currency());
        out.writeMoney(view.dealValue());
        out.writeMoney(view.totalInvoiced());
        out.writeMoney(view.totalPaid());
        out.writeMoney(view.totalCredited());
        out.writeMoney(view.totalRefunded());
        out.writeMoney(view.writtenOff());
        out.writeMoney(view.outstanding());
        out.writeMoney(view.overdue());
        out.writeLong(view.overdueInvoices());
        out.writeMoney(view.uninvoiced());
        out.writeString(view.paymentStatus() == null ? null : view.paymentStatus().name());
        list(out, view.invoices(), DealCodec::writeLine);
        out.writeDate(view.lastPaymentDate());
        out.writeString(view.lastInvoiceError());
        out.writeString(view.lastInvoiceErrorCategory());
        list(out, view.linkRejections(), DealCodec::writeLinkRejection);
    }

    private static DealView readDealView(Binary.In in) {
        String dealId = in.readString();
        String organizationId = in.readString();
        String accountId = in.readString();
        String currency = in.readString();
        var dealValue = in.readMoney();
        var totalInvoiced = in.readMoney();
        var totalPaid = in.readMoney();
        var totalCredited = in.readMoney();
        var totalRefunded = in.readMoney();
        var writtenOff = in.readMoney();
        var outstanding = in.readMoney();
        var overdue = in.readMoney();
        int overdueInvoices = in.readInt();
        var uninvoiced = in.readMoney();
        String status = in.readString();
        return new DealView(dealId, organizationId, accountId, currency, dealValue, totalInvoiced, totalPaid,
                totalCredited, totalRefunded, writtenOff, outstanding, overdue, overdueInvoices, uninvoiced,
                status == null ? null : DealView.PaymentStatus.valueOf(status), list(in, DealCodec::readLine),
                in.readDate(), in.readString(), in.readString(), list(in, DealCodec::readLinkRejection));
    }

    private static <T> void optional(Binary.Out out, T value, BiConsumer<Binary.Out, T> writer) {
        if (out.present(value)) {
            writer.accept(out, value);
        }
    }

    private static <T> T optional(Binary.In in, Function<Binary.In, T> reader) {
        return in.present() ? reader.apply(in) : null;
    }

    private static <T> void list(Binary.Out out, List<T> values, BiConsumer<Binary.Out, T> writer) {
        out.writeUnsigned(values.size());
        values.forEach(value -> writer.accept(out, value));
    }

    private static <T> List<T> list(Binary.In in, Function<Binary.In, T> reader) {
        int count = in.readCount();
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(reader.apply(in));
        }
        return values;
    }

    private static <T> void map(Binary.Out out, Map<String, T> values, BiConsumer<Binary.Out, T> writer) {
        out.writeUnsigned(values.size());
        values.forEach((key, value) -> {
            out.writeString(key);
            writer.accept(out, value);
        });
    }

    private static <T> Map<String, T> map(Binary.In in, Function<Binary.In, T> reader) {
        int count = in.readCount();
        Map<String, T> values = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            values.put(in.readString(), reader.apply(in));
        }
        return values;
    }
}
