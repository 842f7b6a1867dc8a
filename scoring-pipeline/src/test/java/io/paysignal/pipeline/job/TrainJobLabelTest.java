package io.paysignal.pipeline.job;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.testsupport.EditableCsv;
import io.paysignal.pipeline.testsupport.SampleHistory;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import io.paysignal.pipeline.train.TrainingRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labels training learns from are the contract's: over the 500-customer sample, the label the pipeline
 * computes ({@link DelinquencyLabel} on {@link HistoryAssembler} histories, through {@link TrainJob#trainingRows})
 * equals the generator's {@code realized_label} in {@code truth/label_probability.csv} for every customer.
 * The generator computes that column on its in-memory records before writing any file, so agreement means the
 * CSV round trip, the reader, the per-customer assembly in Spark and the label all keep the contract.
 */
class TrainJobLabelTest extends SharedSparkSession {

    private static final DelinquencyLabel LABEL = DelinquencyLabel.defaults();

    private History history;
    /** Customer id to realized label, for the truth's as-of date. */
    private Map<String, Boolean> truth;
    private LocalDate truthAsOf;

    @BeforeAll
    void readSampleAndTruth() throws IOException {
        history = new HistoryReader(spark, ReaderConfig.defaults()).read(SampleHistory.directory().toString());
        truth = new TreeMap<>();
        for (Map<String, String> row : EditableCsv.read(SampleHistory.labelTruth()).rows()) {
            LocalDate asOf = LocalDate.parse(row.get("as_of"));
            if (truthAsOf == null) {
                truthAsOf = asOf;
            }
            assertEquals(truthAsOf, asOf, "the sample's truth is for one as-of date");
            assertTrue(row.get("realized_label").matches("[01]"),
                    () -> "realized label observed for " + row.get("customer_id") + ": " + row);
            truth.put(row.get("customer_id"), row.get("realized_label").equals("1"));
        }
    }

    @AfterAll
    void release() {
        if (history != null) {
            history.release();
        }
    }

    @Test
    void theTruthCoversEveryCustomerWithBothLabels() {
        assertEquals(LocalDate.of(2025, 10, 2), truthAsOf);
        assertEquals(500, truth.size());
        long positives = truth.values().stream().filter(Boolean::booleanValue).count();
        assertEquals(42, positives, "prevalence stated in data-samples/README.md: 42 of 500");
    }

    @Test
    void trainingLabelsEqualTheGeneratorsRealizedLabels() {
        LocalDate asOf = truthAsOf;
        LocalDate trainAsOf = LABEL.observedThrough(asOf); // T + H: the training run that first sees this label
        // As TrainJob does: histories cut at the training date, one row per snapshot on which the customer is active.
        List<Tuple2<String, Boolean>> labels = HistoryAssembler.byCustomer(history, trainAsOf)
                .map(customer -> {
                    List<TrainingRow> rows = TrainJob.trainingRows(customer, List.of(asOf), LABEL);
                    // A customer not yet active on the as-of date gets no training row; its label is still defined.
                    boolean label = rows.isEmpty() ? LABEL.isDelinquent(customer, asOf) : rows.get(0).delinquent();
                    return new Tuple2<>(customer.customerId(), label);
                })
                .collect();

        Map<String, Boolean> pipeline = new TreeMap<>();
        labels.forEach(label -> pipeline.put(label._1(), label._2()));
        assertEquals(truth.keySet(), pipeline.keySet());
        List<String> disagreeing = truth.keySet().stream()
                .filter(id -> !truth.get(id).equals(pipeline.get(id))).toList();
        assertEquals(List.of(), disagreeing, "customers whose label differs from the generator's");
    }

    @Test
    void evaluationLabelsOnUncutHistoriesEqualTheGeneratorsRealizedLabels() {
        // EvaluateJob labels whole histories rather than histories cut at T + H.
        LocalDate asOf = truthAsOf;
        Map<String, Boolean> expected = new TreeMap<>(truth); // a serializable copy for the Spark closure
        List<String> disagreeing = HistoryAssembler.byCustomer(history, null)
                .filter(customer -> LABEL.isDelinquent(customer, asOf) != expected.get(customer.customerId()))
                .map(CustomerHistory::customerId)
                .collect();
        assertEquals(List.of(), disagreeing);
    }
}
