package io.paysignal.core.bundle;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.model.IsotonicCalibration;
import io.paysignal.core.model.MetricSummary;
import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.model.TierCutoffs;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything about a model bundle except the model itself, stored as {@code manifest.json} next to it.
 *
 * <p>Format version {@value #CURRENT_FORMAT_VERSION}. A change that an older reader would misread (a renamed
 * or re-interpreted field) bumps the format version and keeps a frozen fixture of the old one in tests;
 * readers refuse versions newer than they know.
 *
 * @param formatVersion the manifest format, {@value #CURRENT_FORMAT_VERSION} for bundles written by this build
 * @param featureSchemaVersion the feature schema the model was trained on
 * @param featureNames the model's ordered feature names; scored vectors must carry exactly these
 * @param referenceValues a typical customer's value of each feature (training median), for reason codes
 * @param reasonCodes reason code per feature name, frozen at training time
 * @param calibration maps the model's raw probability to the risk score
 * @param tierCutoffs calibrated-score cut-offs between tiers
 * @param label the label definition (D and H) the model predicts
 * @param trainingWindow the snapshots it learned from
 * @param dataFingerprint identifies the training data, as given by the caller
 * @param candidates every learner tried, with validation metrics of its raw scores
 * @param chosenCandidate the name of the candidate in the model file (highest validation AUC)
 * @param chosenCalibrated the chosen model's calibrated scores on the validation snapshot, each half
 *        calibrated by an isotonic fit on the other half so the numbers are out-of-sample
 * @param trainerSettings the trainer configuration as read, including its version
 * @param modelProvenance Tribuo's ModelProvenance of the model, as text
 * @param gitCommit the source revision that trained it, as given by the caller
 * @param createdAt when the bundle was made, as given by the caller
 * @param modelFile the model's file name inside the bundle folder
 * @param modelSha256 SHA-256 of the model file, lower-case hex, checked before loading
 */
public record BundleManifest(int formatVersion, String featureSchemaVersion, List<String> featureNames,
                             double[] referenceValues, Map<String, ReasonCode> reasonCodes,
                             IsotonicCalibration calibration, TierCutoffs tierCutoffs, DelinquencyLabel label,
                             TrainingWindow trainingWindow, String dataFingerprint,
                             List<CandidateReport> candidates, String chosenCandidate,
                             MetricSummary chosenCalibrated, Map<String, String> trainerSettings,
                             String modelProvenance, String gitCommit, Instant createdAt, String modelFile,
                             String modelSha256) {

    /** The format this build writes and the newest it reads. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public BundleManifest {
        if (formatVersion < 1 || formatVersion > CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported format version " + formatVersion);
        }
        requireText("featureSchemaVersion", featureSchemaVersion);
        featureNames = List.copyOf(requireNonNull("featureNames", featureNames));
        if (featureNames.isEmpty() || new HashSet<>(featureNames).size() != featureNames.size()) {
            throw new IllegalArgumentException("feature names must be non-empty and unique");
        }
        referenceValues = requireNonNull("referenceValues", referenceValues).clone();
        if (referenceValues.length != featureNames.size()) {
            throw new IllegalArgumentException(featureNames.size() + " features but " + referenceValues.length
                    + " reference values");
        }
        for (double value : referenceValues) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("reference values must be finite");
            }
        }
        reasonCodes = Map.copyOf(new TreeMap<>(requireNonNull("reasonCodes", reasonCodes)));
        if (!featureNames.containsAll(reasonCodes.keySet())) {
            throw new IllegalArgumentException("reason codes name features the model does not have");
        }
        requireNonNull("calibration", calibration);
        requireNonNull("tierCutoffs", tierCutoffs);
        requireNonNull("label", label);
        requireNonNull("trainingWindow", trainingWindow);
        requireText("dataFingerprint", dataFingerprint);
        candidates = List.copyOf(requireNonNull("candidates", candidates));
        requireText("chosenCandidate", chosenCandidate);
        String chosen = chosenCandidate;
        if (candidates.stream().noneMatch(c -> c.name().equals(chosen))) {
            throw new IllegalArgumentException("chosen candidate " + chosenCandidate + " is not among the candidates");
        }
        requireNonNull("chosenCalibrated", chosenCalibrated);
        trainerSettings = Map.copyOf(new TreeMap<>(requireNonNull("trainerSettings", trainerSettings)));
        requireText("modelProvenance", modelProvenance);
        requireText("gitCommit", gitCommit);
        requireNonNull("createdAt", createdAt);
        if (modelFile == null || !FILE_NAME.matcher(modelFile).matches()) {
            throw new IllegalArgumentException("model file must be a plain file name, was " + modelFile);
        }
        if (modelSha256 == null || !SHA256.matcher(modelSha256).matches()) {
            throw new IllegalArgumentException("model SHA-256 must be 64 lower-case hex digits");
        }
    }

    /** The schema this bundle expects its feature vectors in. */
    public FeatureSchema featureSchema() {
        return new FeatureSchema(featureSchemaVersion, featureNames);
    }

    /** The report of the candidate in the model file. */
    public CandidateReport chosenReport() {
        return candidates.stream().filter(c -> c.name().equals(chosenCandidate)).findFirst().orElseThrow();
    }

    @Override
    public double[] referenceValues() {
        return referenceValues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BundleManifest other && formatVersion == other.formatVersion
                && featureSchemaVersion.equals(other.featureSchemaVersion)
                && featureNames.equals(other.featureNames) && Arrays.equals(referenceValues, other.referenceValues)
                && reasonCodes.equals(other.reasonCodes) && calibration.equals(other.calibration)
                && tierCutoffs.equals(other.tierCutoffs) && label.equals(other.label)
                && trainingWindow.equals(other.trainingWindow) && dataFingerprint.equals(other.dataFingerprint)
                && candidates.equals(other.candidates) && chosenCandidate.equals(other.chosenCandidate)
                && chosenCalibrated.equals(other.chosenCalibrated) && trainerSettings.equals(other.trainerSettings)
                && modelProvenance.equals(other.modelProvenance) && gitCommit.equals(other.gitCommit)
                && createdAt.equals(other.createdAt) && modelFile.equals(other.modelFile)
                && modelSha256.equals(other.modelSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureSchemaVersion, featureNames, Arrays.hashCode(referenceValues), modelSha256);
    }

    @Override
    public String toString() {
        return "BundleManifest[format " + formatVersion + ", schema " + featureSchemaVersion + ", "
                + featureNames.size() + " features, " + chosenCandidate + ", created " + createdAt + "]";
    }

    private static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("manifest field " + field + " is required");
        }
        return value;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("manifest field " + field + " is required");
        }
    }
}
