package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.pipeline.io.OutputPublisher;
import io.paysignal.pipeline.io.RejectsWriter;
import io.paysignal.pipeline.io.TextFiles;
import io.paysignal.pipeline.io.TooManyRejectsException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * What a run that fails for too many rejects still owes the data team: its rejected rows (DATA-CONTRACT "Bad
 * rows": never silently dropped, written to {@code rejects.csv}) and a summary saying it failed and why. Both are
 * published atomically into one directory, like every output: {@code rejects.csv} and a JSON summary whose
 * {@code status} is {@code failed}, with the input counts that broke the limit.
 */
final class RejectedRun {

    private RejectedRun() {
    }

    /**
     * Publishes the failed run's rejects and summary at {@code target}, then releases the history.
     *
     * @param summaryFile the summary's file name, as the command's successful runs name theirs
     * @param command the sub-command, for the summary
     * @param details adds the command's own fields (as-of date, model, ...) to the summary
     * @return the published directory
     */
    static String publish(SparkSession spark, String target, String summaryFile, String command,
                          TooManyRejectsException tooMany, Consumer<ObjectNode> details) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            return OutputPublisher.forTarget(target, conf).publishAfter(publisher -> {
                new RejectsWriter().write(tooMany.history().rejects(), publisher.staging());
                ObjectNode summary = JsonNodeFactory.instance.objectNode();
                summary.put("command", command);
                summary.put("status", "failed");
                summary.put("failure", tooMany.getMessage());
                details.accept(summary);
                summary.put("max_reject_share", tooMany.maxRejectShare());
                summary.set("input", tooMany.summary().toJsonTree());
                TextFiles.write(conf, publisher.staging(summaryFile), summary.toPrettyString());
                return publisher.target();
            });
        } finally {
            tooMany.history().release();
        }
    }
}
