package io.dealledger.ledger.projection;

import java.math.BigDecimal;
import java.time.Instant;

import io.dealledger.events.DealInvoice;
import io.dealledger.events.DealLedger;
import io.dealledger.events.DealLinkRejection;
import io.dealledger.events.PaymentStatus;
import io.dealledger.ledger.deal.DealView;
import io.dealledger.core.money.Money;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Service;

/** Turns a deal's view into the published {@link DealLedger} event (amounts at the wire's scale 3). */
public final class DealLedgerMapper {

    private DealLedgerMapper() {
    }

    /** The event for {@code version} of the view; its id is derived from deal and version. */
    public static DealLedger toEvent(DealView view, long version, Instant occurredAt) {
        return DealLedger.newBuilder()
                .setEventId(EventIds.derive("DealLedger", view.dealId(), Long.toString(version)))
                .setOccurredAt(occurredAt)
                .setSource(Service.LEDGER_PROJECTION_SERVICE.id())
                .setOrganizationId(view.organizationId())
                .setDealId(view.dealId())
                .setAccountId(view.accountId())
                .setCurrency(view.currency())
                .setDealValue(amount(view.dealValue()))
                .setTotalInvoiced(amount(view.totalInvoiced()))
                .setTotalPaid(amount(view.totalPaid()))
                .setTotalCredited(amount(view.totalCredited()))
                .setTotalRefunded(amount(view.totalRefunded()))
                .setWrittenOff(amount(view.writtenOff()))
                .setOutstanding(amount(view.outstanding()))
                .setOverdue(amount(view.overdue()))
                .setUninvoiced(amount(view.uninvoiced()))
                .setPaymentStatus(PaymentStatus.valueOf(view.paymentStatus().name()))
                .setInvoices(view.invoices().stream().map(line -> DealInvoice.newBuilder()
                        .setOrganizationId(line.invoice().organizationId())
                        .setInvoiceId(line.invoice().invoiceId())
                        .setInvoiceNumber(line.number())
                        .setStatus(line.status())
                        .setTotal(amount(line.total()))
                        .setBalance(amount(line.balance()))
                        .setDueDate(line.dueDate())
                        .setInvoiceUrl(line.url())
                        .setInvoiceDate(line.invoiceDate())
                        .build()).toList())
                .setLastPaymentDate(view.lastPaymentDate())
                .setLastInvoiceError(view.lastInvoiceError())
                .setLastInvoiceErrorCategory(view.lastInvoiceErrorCategory())
                .setLinkRejections(view.linkRejections().stream().map(rejection -> DealLinkRejection.newBuilder()
                        .setOrganizationId(rejection.invoice().organizationId())
                        .setInvoiceId(rejection.invoice().invoiceId())
                        .setRequestId(rejection.requestId())
                        .setCode(rejection.code())
                        .setCategory(rejection.category())
                        .setMessage(rejection.message())
                        .setOccurredAt(rejection.occurredAt())
                        .build()).toList())
                .setVersion(version)
                .build();
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount().setScale(Money.SCALE);
    }
}
