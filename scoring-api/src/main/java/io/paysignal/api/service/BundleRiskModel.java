package io.paysignal.api.service;

import io.paysignal.core.bundle.BundleManifest;
import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.FeatureSchema;
import io.paysignal.core.bundle.ModelBundle;
import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.MetricSummary;
import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.model.ReasonCodes;
import io.paysignal.core.model.ScoreReason;
import io.paysignal.core.model.ScoredRisk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RiskModel} over a real model bundle: the pipeline's {@link ModelBundle} (so a customer gets the
 * score the score table has) and the bundle's outreach settings (policy and response model).
 */
public final class BundleRiskModel implements RiskModel {

    private final ModelBundle bundle;
    private final OutreachSettings outreach;
    private final ModelInfo info;
    private final Map<String, ReasonCode> reasonsByCode;

    private BundleRiskModel(ModelBundle bundle, OutreachSettings outreach) {
        this.bundle = bundle;
        this.outreach = outreach;
        this.info = infoOf(bundle, outreach);
        this.reasonsByCode = reasonsByCode(bundle.manifest());
    }

    /** Reads a version folder, refusing a bundle trained on another feature schema than this build's. */
    public static BundleRiskModel read(Path versionFolder) throws IOException {
        ModelBundle bundle = new BundleReader().read(versionFolder, FeatureSchema.ofThisBuild());
        return new BundleRiskModel(bundle, OutreachSettings.readFrom(versionFolder).orElseGet(OutreachSettings::uninformed));
    }

    /** The bundle's outreach policy and response model. */
    public OutreachSettings outreach() {
        return outreach;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ScoreResult score(FeatureVector features) {
        ScoredRisk risk = bundle.score(features);
        List<ReasonCode> reasons = risk.reasons().stream().map(ScoreReason::reason).toList();
        return new ScoreResult(risk.riskScore(), risk.tier(), reasons);
    }

    @Override
    public Optional<ReasonCode> reasonCode(String code) {
        return Optional.ofNullable(reasonsByCode.get(code));
    }

    /** Every code the bundle can report, as {@link ModelBundle#score} reports it (catalog entry or fallback). */
    private static Map<String, ReasonCode> reasonsByCode(BundleManifest manifest) {
        ReasonCodes codes = new ReasonCodes(manifest.featureNames(), manifest.referenceValues(), manifest.reasonCodes());
        Map<String, ReasonCode> byCode = new HashMap<>();
        for (String feature : manifest.featureNames()) {
            ReasonCode code = codes.codeFor(feature);
            byCode.put(code.code(), code);
        }
        return Map.copyOf(byCode);
    }

    private static ModelInfo infoOf(ModelBundle bundle, OutreachSettings outreach) {
        BundleManifest manifest = bundle.manifest();
        MetricSummary calibrated = manifest.chosenCalibrated();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("auc", calibrated.auc());
        metrics.put("ks", calibrated.ks());
        metrics.put("brier", calibrated.brier());
        metrics.put("ece", calibrated.ece());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("learner", manifest.chosenCandidate());
        details.put("format_version", String.valueOf(manifest.formatVersion()));
        details.put("feature_schema", manifest.featureSchemaVersion());
        details.put("label", "dpd " + manifest.label().dpdThreshold() + ", horizon " + manifest.label().horizonDays());
        details.put("data_fingerprint", manifest.dataFingerprint());
        details.put("git_commit", manifest.gitCommit());
        details.put("outreach_policy", outreach.policy().policyVersion());
        details.put("outreach_daily_delay_discount", String.valueOf(outreach.policy().dailyDelayDiscount()));
        details.put("outreach_daily_delay_discount_source", outreach.delayDiscountSource());
        return new ModelInfo(bundle.version(), manifest.createdAt(), manifest.trainingWindow().firstAsOf(),
                manifest.trainingWindow().lastAsOf(), manifest.featureNames(), metrics, details);
    }
}
