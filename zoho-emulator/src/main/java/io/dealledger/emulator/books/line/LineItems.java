package io.dealledger.emulator.books.line;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.item.Item;
import io.dealledger.emulator.books.item.ItemService;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.tax.Tax;
import io.dealledger.emulator.books.tax.TaxService;
import io.dealledger.emulator.json.JsonBody;

/** Builds line items from a request: an {@code item_id} supplies name, rate and SKU unless the line overrides them. */
@Component
public class LineItems {

    private final ItemService items;
    private final TaxService taxes;
    private final BooksIds ids;

    public LineItems(ItemService items, TaxService taxes, BooksIds ids) {
        this.items = items;
        this.taxes = taxes;
        this.ids = ids;
    }

    /** Lines of a record in a currency of {@code scale} decimals (the record's customer's currency). */
    public List<LineItem> build(BooksOrganization org, int scale, List<JsonBody> requested) {
        if (requested.isEmpty()) {
            throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The field line_items is mandatory.");
        }
        List<LineItem> lines = new ArrayList<>();
        int order = 1;
        for (JsonBody line : requested) {
            lines.add(line(org, scale, line, order++));
        }
        return lines;
    }

    private LineItem line(BooksOrganization org, int scale, JsonBody line, int order) {
        String orgId = org.organizationId();
        Item item = line.has("item_id") ? items.require(orgId, line.string("item_id")) : null;
        String name = line.string("name", item == null ? null : item.name());
        if (name == null || name.isBlank()) {
            throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The field line_items[" + (order - 1) + "].name is mandatory when no item_id is given.");
        }
        BigDecimal rate = BooksInput.decimal(line, "rate", item == null ? null : item.rate());
        if (rate == null) {
            throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The field line_items[" + (order - 1) + "].rate is mandatory.");
        }
        BigDecimal quantity = BooksInput.decimal(line, "quantity", BigDecimal.ONE);
        if (quantity.signum() <= 0) {
            throw BooksException.invalidValue("line_items[" + (order - 1) + "].quantity");
        }
        BigDecimal gross = rate.multiply(quantity);
        BigDecimal discount = discount(line.raw("discount"), gross, scale);
        Tax tax = line.has("tax_id") && !line.string("tax_id").isBlank() ? taxes.requireTax(orgId, line.string("tax_id")) : null;
        String id = line.has("line_item_id") ? line.string("line_item_id") : ids.next(BooksIds.Kind.LINE_ITEM);
        return new LineItem(id, item == null ? null : item.itemId(), name,
                line.string("description", item == null ? "" : item.description()), item == null ? null : item.sku(),
                rate, quantity, discount, tax == null ? null : tax.taxId(), tax == null ? null : tax.taxName(),
                tax == null ? null : tax.taxPercentage(), order, scale);
    }

    /** Zoho accepts a line discount as an amount ({@code 10}) or a percentage ({@code "10%"}). */
    private static BigDecimal discount(Object raw, BigDecimal gross, int scale) {
        if (raw == null || raw.toString().isBlank()) {
            return BigDecimal.ZERO.setScale(scale);
        }
        String text = raw.toString().strip();
        try {
            if (text.endsWith("%")) {
                BigDecimal percent = new BigDecimal(text.substring(0, text.length() - 1).strip());
                return gross.multiply(percent).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_UP);
            }
            return new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw BooksException.invalidValue("discount");
        }
    }

    public static BigDecimal subTotal(List<LineItem> lines, int scale) {
        return lines.stream().map(LineItem::itemTotal).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }

    public static BigDecimal taxTotal(List<LineItem> lines, int scale) {
        return lines.stream().map(LineItem::taxAmount).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }

    /** Books' {@code taxes[]} summary: one row per tax with its name and amount. */
    public static List<Map<String, Object>> taxSummary(List<LineItem> lines, int scale) {
        Map<String, BigDecimal> byTax = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (LineItem line : lines) {
            if (line.taxId() != null) {
                byTax.merge(line.taxId(), line.taxAmount(), BigDecimal::add);
                names.put(line.taxId(), line.taxName() + " (" + line.taxPercentage().stripTrailingZeros().toPlainString() + "%)");
            }
        }
        List<Map<String, Object>> summary = new ArrayList<>();
        byTax.forEach((taxId, amount) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tax_id", taxId);
            row.put("tax_name", names.get(taxId));
            row.put("tax_amount", amount.setScale(scale));
            summary.add(row);
        });
        return summary;
    }
}
