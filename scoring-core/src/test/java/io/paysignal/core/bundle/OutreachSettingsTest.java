package io.paysignal.core.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.core.history.Channel;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSettings;
import io.paysignal.core.response.ResponseObservation;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
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
                ResponseModel.fit(cells, ResponseModelSettings.full(10)), null);
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
