package io.paysignal.pipeline.io;

import io.paysignal.core.history.ContractRows;
import io.paysignal.core.history.CsvLine;

/**
 * The {@code reason} vocabulary of {@code rejects.csv}. Codes are stable: scripts count and filter on them.
 *
 * <p>Row rules come from {@link ContractRows} and name the column after a colon:
 * {@code missing_value:COLUMN}, {@code unparseable_date:COLUMN}, {@code unparseable_timestamp:COLUMN},
 * {@code unparseable_decimal:COLUMN}, {@code unparseable_boolean:COLUMN},
 * {@code non_positive_amount:COLUMN}, {@code negative_amount:credit_limit}, {@code due_before_issue},
 * {@code unknown_timezone}, {@code unknown_channel:COLUMN}, {@code unknown_outcome}.
 *
 * <p>Line rules (CSV only) come from {@link CsvLine} ({@code unterminated_quote},
 * {@code misplaced_quote}) and from the reader ({@link #WRONG_FIELD_COUNT}); table rules from the
 * reader: {@link #DUPLICATE_KEY}, {@link #UNKNOWN_CUSTOMER}, {@link #UNKNOWN_INVOICE}.
 */
public final class RejectReasons {

    /** A CSV line with more or fewer fields than its header. */
    public static final String WRONG_FIELD_COUNT = "wrong_field_count";
    /** A second (or later) row with the key of an earlier row; the earliest valid row is kept. */
    public static final String DUPLICATE_KEY = "duplicate_key";
    /** An invoice or contact whose customer_id names no accepted customer. */
    public static final String UNKNOWN_CUSTOMER = "unknown_customer";
    /** A payment whose invoice_id names no accepted invoice. */
    public static final String UNKNOWN_INVOICE = "unknown_invoice";

    private RejectReasons() {
    }
}
