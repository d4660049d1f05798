package io.dealledger.emulator.shape;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys of Zoho's examples the emulator leaves out, by why. Each is a Books, Inventory or CRM feature dealledger
 * neither reads nor writes; none is a key the client parses (the client's fixture tests would say so).
 */
final class NotModeled {

    /** Zoho Inventory's warehouse and product-catalogue features (the OAS files are Inventory's). */
    static final Set<String> INVENTORY = Set.of("location_id", "location_name", "locations", "batches", "storages",
            "serial_numbers", "mapped_items", "is_combo_product", "combo_type", "warehouse_id", "group_id", "group_name",
            "attribute_id1", "attribute_name1", "attribute_option_id1", "attribute_option_name1", "reorder_level",
            "upc", "ean", "isbn", "part_number", "image_id", "image_name", "image_type", "purchase_description",
            "purchase_rate", "purchase_account_id", "purchase_account_name", "inventory_account_id", "vendor_id",
            "vendor_name", "item_tax_preferences", "track_inventory", "can_be_sold", "can_be_purchased", "documents",
            "unit_id", "unit_group_id", "unit_group_name", "default_sales_unit_conversion_id",
            "default_purchase_unit_conversion_id", "pricebook_rate", "account_name", "is_item_shipped",
            "is_returned_to_stock", "salesreturn_item_id", "invoice_item_id", "item_custom_fields", "code", "type");

    /** Taxes of other countries than the emulator's US and UK orgs: India's GST, Mexico's CFDI, GCC VAT, TDS. */
    static final Set<String> REGIONAL_TAX = Set.of("gst_no", "gst_treatment", "place_of_supply", "is_pre_gst",
            "cfdi_usage", "cfdi_reference_type", "tax_treatment", "vat_treatment", "vat_reg_no", "tax_regime",
            "legal_name", "is_tds_registered", "place_of_contact", "hsn_or_sac", "sat_item_key_code", "unitkey_code",
            "tds_tax_id", "reference_invoice_id");

    /** How Books presents and chases documents: PDF templates, portals, reminders, online payment, social links. */
    static final Set<String> PRESENTATION = Set.of("template_id", "template_name", "default_templates",
            "payment_options", "attachment_name", "can_send_in_mail", "facebook", "twitter", "ach_payment_initiated",
            "reminders_sent", "last_reminder_sent_date", "payment_reminder_enabled", "last_four_digits",
            "opening_balances", "website");

    /** A contact's receivables summary: dealledger reads balances per invoice, never these. */
    static final Set<String> RECEIVABLES = Set.of("outstanding_receivable_amount", "outstanding_receivable_amount_bcy",
            "unused_credits_receivable_amount", "unused_credits_receivable_amount_bcy", "has_transaction");

    /**
     * How CRM Setup lays out, secures and presents a field (layouts, profiles, views, colour codes, encryption,
     * HIPAA, formulas, roll-ups, auto-numbers, picklists, lookups): dealledger reads a field's {@code api_name} and
     * {@code data_type} only ({@code CrmClient.fieldTypes}), and the emulator answers those with {@code json_type},
     * {@code custom_field}, {@code id}, the labels, {@code visible}, {@code read_only} and {@code unique}.
     */
    static final Set<String> CRM_FIELD_SETUP = Set.of("associated_module", "webhook", "operation_type",
            "colour_code_enabled_by_system", "tooltip", "display_format_properties", "type", "field_read_only",
            "customizable_properties", "association_details", "businesscard_supported", "multi_module_lookup",
            "created_time", "filterable", "profiles", "view_type", "separator", "searchable", "history_tracking_enabled",
            "external", "parent_field", "enable_colour_code", "child_fields", "pick_list_values", "system_mandatory",
            "private", "virtual_field", "crypt", "range", "created_source", "display_type", "ui_type", "modified_time",
            "public", "quick_sequence_number", "email_parser", "currency", "lookup", "hipaa_compliance",
            "convert_mapping", "address", "rollup_summary", "length", "column_name", "display_field",
            "pick_list_values_sorted_lexically", "sortable", "layout_associations", "global_picklist", "display_format",
            "history_tracking", "formula", "additional_column", "hipaa_compliance_enabled", "decimal_place",
            "mass_update", "multiselectlookup", "auto_number");

    private NotModeled() {
    }

    @SafeVarargs
    static Set<String> of(Set<String>... groups) {
        Set<String> all = new HashSet<>();
        List.of(groups).forEach(all::addAll);
        return all;
    }
}
