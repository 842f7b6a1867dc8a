package io.paysignal.core.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.core.history.Channel;
import io.paysignal.core.policy.CollectabilityCounts;
import io.paysignal.core.policy.DelayDiscountEstimate;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSettings;
import io.paysignal.core.response.ResponseObservation;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutreachSettingsTest {

    private static OutreachSettings fitted() {
        List<ResponseObservation> cells = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 8; hour < 21; hour++) {
                cells.add(new ResponseObservation("smb", Channel.EMAIL, hour, day, 30, day.getValue() > 5 ? 3 : 12));
                cells.add(new ResponseObservation("consumer", Channel.EMAIL, hour, day, 30, day.getValue() > 5 ? 12 : 3));
            }
        }
        return new OutreachSettings(OutreachConfig.defaults(),
                ResponseModel.fit(cells, ResponseModelSettings.full(10)), null, null);
    }

    private static OutreachSettings withEstimate(double share1, double dailyDecay) {
        List<Long> open = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        for (int d = 1; d <= 60; d++) {
            long n = 1000;
            open.add(n);
            settled.add(Math.round(n * share1 * Math.pow(dailyDecay, d - 1)));
        }
        CollectabilityCounts counts = new CollectabilityCounts(LocalDate.of(2025, 10, 2), 365, 14, open, settled);
        DelayDiscountEstimate estimate = DelayDiscountEstimate.fit(counts, OutreachConfig.DEFAULT_DAILY_DELAY_DISCOUNT);
        OutreachSettings base = fitted();
        return new OutreachSettings(base.policy().withDailyDelayDiscount(estimate.dailyDiscount()),
                base.responseModel(), null, estimate);
    }

    @Test
    void roundTripsTheDelayDiscountEstimateWithItsEvidence() throws Exception {
        OutreachSettings settings = withEstimate(0.7, 0.985);
        OutreachSettings read = OutreachSettings.fromJson(settings.toJson(), "test");
        assertEquals(settings, read);
        assertEquals(0.985, read.delayDiscount().dailyDiscount(), 1e-3);
        assertEquals(read.delayDiscount().dailyDiscount(), read.policy().dailyDelayDiscount());
        assertEquals(1000L, read.delayDiscount().evidence().open(60));
        assertTrue(read.delayDiscountSource().startsWith("estimated from the training history"),
                read.delayDiscountSource());
    }

    @Test
    void anOverrideOfTheEstimateIsNamedAsSuch() {
        OutreachSettings settings = withEstimate(0.7, 0.985);
        OutreachSettings overridden = settings.withPolicy(settings.policy().withDailyDelayDiscount(0.9));
        assertEquals(0.9, overridden.policy().dailyDelayDiscount());
        assertEquals(settings.delayDiscount(), overridden.delayDiscount());
        assertTrue(overridden.delayDiscountSource().startsWith("configured override 0.9"),
                overridden.delayDiscountSource());
    }

    @Test
    void aBundleStoredBeforeTheEstimateLoadsWithTheDiscountItWasStoredWith() throws Exception {
        // outreach.json of a real outreach-1 bundle (trained on the 10,000-customer bench history, 2026-11-23).
        byte[] json;
        try (InputStream in = OutreachSettingsTest.class.getResourceAsStream("frozen/outreach-1/outreach.json")) {
            json = in.readAllBytes();
        }
        OutreachSettings old = OutreachSettings.fromJson(json, "frozen outreach-1");
        assertNull(old.delayDiscount());
        assertEquals("outreach-1", old.policy().policyVersion());
        assertEquals(OutreachConfig.DEFAULT_DAILY_DELAY_DISCOUNT, old.policy().dailyDelayDiscount());
        assertTrue(old.delayDiscountSource().contains("predates"), old.delayDiscountSource());
        assertEquals(old, OutreachSettings.fromJson(old.toJson(), "again"));
    }

    @Test
    void roundTripsWithTheSegmentWeekdayLevel() throws Exception {
        OutreachSettings settings = fitted();
        assertTrue(!settings.responseModel().segmentDayOfWeekLift().isEmpty());
        assertEquals(settings, OutreachSettings.fromJson(settings.toJson(), "test"));
    }

    @Test
    void readsSettingsWrittenBeforeTheSegmentWeekdayLevelExisted() throws Exception {
        OutreachSettings settings = fitted();
        ObjectNode json = (ObjectNode) ManifestCodec.mapper().readTree(settings.toJson());
        ObjectNode model = (ObjectNode) json.get("responseModel");
        model.remove("segmentDayOfWeekLift");
        ((ObjectNode) model.get("strengths")).remove(List.of("segmentDayOfWeek", "segmentChannelDayOfWeek"));
        OutreachSettings old = OutreachSettings.fromJson(ManifestCodec.mapper().writeValueAsBytes(json), "old");
        assertTrue(old.responseModel().segmentDayOfWeekLift().isEmpty());
        assertNull(old.responseModel().strengths().segmentDayOfWeek());
        assertEquals(settings.responseModel().hourRates(), old.responseModel().hourRates());
    }
}
