package io.paysignal.pipeline.job;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.portfolio.ReceivablesPosition;
import io.paysignal.core.portfolio.ReceivablesTotals;
import io.paysignal.core.portfolio.ReportingCurrency;
import io.paysignal.core.portfolio.ReportingPeriod;
import io.paysignal.core.portfolio.RollRateCell;
import io.paysignal.pipeline.spark.ContractRowMapping;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one customer's history (and its score-table row) into the rows {@code riskctl segments} aggregates,
 * inside Spark tasks: every number comes from {@code core.portfolio} and {@code core.definition}.
 *
 * <ul>
 *   <li>{@link #PORTFOLIO}: one row per customer and reporting currency as of T: the customer's attributes,
 *       score, tier, recommended action, receivables position, expected delinquent exposure, the label when
 *       the history covers T + H, and the recommended contact time in the customer's own zone;</li>
 *   <li>{@link #TOTALS}: the customer's {@link ReceivablesTotals} per KPI period and currency;</li>
 *   <li>{@link #ROLLS}: the customer's move between DPD buckets per KPI period and currency.</li>
 * </ul>
 *
 * @param asOf T
 * @param reporting how amounts are reported
 * @param label the label definition, used only when {@code labelsObserved}
 * @param labelsObserved true when the history reaches T + H
 * @param periods the KPI periods (months ending on T, T - 1 month, ...)
 */
record PortfolioRows(LocalDate asOf, ReportingCurrency reporting, DelinquencyLabel label, boolean labelsObserved,
                     List<ReportingPeriod> periods) implements Serializable {

    /** Shown for a customer without a stated preferred channel. */
    static final String NO_PREFERENCE = "none";

    static final StructType PORTFOLIO = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("as_of", DataTypes.DateType, false)
            .add("currency", DataTypes.StringType, true)
            .add("segment", DataTypes.StringType, false)
            .add("preferred_channel", DataTypes.StringType, false)
            .add("timezone", DataTypes.StringType, false)
            .add("do_not_contact", DataTypes.BooleanType, false)
            .add("risk_score", DataTypes.DoubleType, false)
            .add("risk_tier", DataTypes.StringType, false)
            .add("dpd_bucket", DataTypes.StringType, false)
            .add("max_days_past_due", DataTypes.LongType, false)
            .add("open_invoices", DataTypes.IntegerType, false)
            .add("open_balance", DataTypes.DoubleType, false)
            .add("overdue_balance", DataTypes.DoubleType, false)
            .add("expected_delinquent_exposure", DataTypes.DoubleType, false)
            .add("label", DataTypes.IntegerType, true)
            .add("action", DataTypes.StringType, false)
            .add("channel", DataTypes.StringType, true)
            .add("contact_at", DataTypes.TimestampType, true)
            .add("contact_local_time", DataTypes.StringType, true)
            .add("contact_local_hour", DataTypes.IntegerType, true)
            .add("contact_local_weekday", DataTypes.StringType, true);

    static final StructType TOTALS = new StructType()
            .add("currency", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("beginning_receivables", DataTypes.DoubleType, false)
            .add("credit_sales", DataTypes.DoubleType, false)
            .add("ending_receivables", DataTypes.DoubleType, false)
            .add("ending_current_receivables", DataTypes.DoubleType, false);

    static final StructType ROLLS = new StructType()
            .add("currency", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("from_bucket", DataTypes.StringType, false)
            .add("to_bucket", DataTypes.StringType, false)
            .add("customers", DataTypes.LongType, false)
            .add("start_balance", DataTypes.DoubleType, false);

    /** The columns of a score-table row that {@link #portfolio} reads, in this order. */
    static final String[] SCORE_COLUMNS = {"customer_id", "risk_score", "risk_tier", "action", "channel", "contact_at"};

    /**
     * The customer's portfolio rows: one per reporting currency of its invoices issued by T; a customer with
     * none yet gets one row with nothing open (currency: the reporting currency, or null when amounts stay in
     * invoice currencies).
     *
     * @param score the customer's score-table row, columns {@link #SCORE_COLUMNS}
     */
    List<Row> portfolio(CustomerHistory history, Row score) {
        List<ReceivablesPosition> positions = ReceivablesPosition.of(history, asOf, reporting);
        if (positions.isEmpty()) {
            positions = List.of(ReceivablesPosition.empty(reporting.code(), asOf));
        }
        Customer customer = history.customer();
        double riskScore = score.getDouble(1);
        Integer labelValue = labelsObserved ? (label.isDelinquent(history, asOf) ? 1 : 0) : null;
        Instant contactAt = ContractRowMapping.instant(score.get(5));
        LocalDateTime local = contactAt == null ? null
                : LocalDateTime.ofInstant(contactAt, customer.timezone());
        List<Row> rows = new ArrayList<>(positions.size());
        for (ReceivablesPosition position : positions) {
            rows.add(RowFactory.create(history.customerId(), Date.valueOf(asOf), position.currency(), customer.segment(),
                    customer.preferredChannel() == null ? NO_PREFERENCE : customer.preferredChannel().wireName(),
                    customer.timezone().getId(), customer.doNotContact(), riskScore, score.getString(2),
                    position.bucket().wireName(), position.maxDaysPastDue(), position.openInvoices(),
                    position.openBalance(), position.overdueBalance(), position.expectedDelinquentExposure(riskScore),
                    labelValue, score.getString(3), score.getString(4),
                    contactAt == null ? null : Timestamp.from(contactAt),
                    local == null ? null : local.toString(),
                    local == null ? null : local.getHour(),
                    local == null ? null : local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT)));
        }
        return rows;
    }

    /** The customer's KPI inputs: one row per period and reporting currency. */
    List<Row> totals(CustomerHistory history) {
        List<Row> rows = new ArrayList<>();
        for (ReportingPeriod period : periods) {
            for (Map.Entry<String, ReceivablesTotals> entry : ReceivablesTotals.of(history, period, reporting).entrySet()) {
                ReceivablesTotals totals = entry.getValue();
                rows.add(RowFactory.create(entry.getKey(), Date.valueOf(period.start()), Date.valueOf(period.end()),
                        totals.beginningReceivables(), totals.creditSales(), totals.endingReceivables(),
                        totals.endingCurrentReceivables()));
            }
        }
        return rows;
    }

    /**
     * The customer's moves between DPD buckets: per period, one row per reporting currency in which it had an
     * invoice issued by the period's start.
     */
    List<Row> rolls(CustomerHistory history) {
        List<Row> rows = new ArrayList<>();
        for (ReportingPeriod period : periods) {
            List<ReceivablesPosition> ends = ReceivablesPosition.of(history, period.end(), reporting);
            for (ReceivablesPosition start : ReceivablesPosition.of(history, period.start(), reporting)) {
                ReceivablesPosition end = ends.stream().filter(p -> p.currency().equals(start.currency()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("a currency seen at the start of "
                                + period + " vanished by its end for " + history.customerId()));
                RollRateCell cell = RollRateCell.of(start, end);
                rows.add(RowFactory.create(start.currency(), Date.valueOf(period.start()), Date.valueOf(period.end()),
                        cell.from().wireName(), cell.to().wireName(), cell.customers(), cell.startBalance()));
            }
        }
        return rows;
    }
}
