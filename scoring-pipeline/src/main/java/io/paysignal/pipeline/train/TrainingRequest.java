package io.paysignal.pipeline.train;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.model.ReasonCode;

import java.time.Instant;
import java.util.Map;

/**
 * What the caller knows about a training run that the rows do not say, all recorded in the bundle.
 *
 * @param featureSchemaVersion the schema version of the rows' features
 * @param label the label definition (D and H) the rows were labelled with
 * @param reasonCatalog reason code per feature (features without one get a generic code)
 * @param dataFingerprint identifies the training data (e.g. a hash of the history files)
 * @param gitCommit the source revision doing the training
 * @param createdAt the bundle's creation time (the trainer reads no clock for it)
 */
public record TrainingRequest(String featureSchemaVersion, DelinquencyLabel label,
                              Map<String, ReasonCode> reasonCatalog, String dataFingerprint, String gitCommit,
                              Instant createdAt) {

    public TrainingRequest {
        if (featureSchemaVersion == null || featureSchemaVersion.isBlank() || label == null
                || dataFingerprint == null || dataFingerprint.isBlank() || gitCommit == null
                || gitCommit.isBlank() || createdAt == null) {
            throw new IllegalArgumentException("schema version, label, fingerprint, git commit and creation time"
                    + " are required");
        }
        reasonCatalog = Map.copyOf(reasonCatalog);
    }
}
