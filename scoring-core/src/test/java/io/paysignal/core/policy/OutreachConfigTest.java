package io.paysignal.core.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.paysignal.core.history.Channel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutreachConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        OutreachConfig config = OutreachConfig.defaults();
        assertEquals("outreach-2", config.policyVersion());
        assertEquals(0.5, config.preferredChannelTolerance());
        assertEquals(7, config.searchHorizonDays());
        assertEquals(0.85, config.dailyDelayDiscount());
        assertEquals(List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER), config.channelsFor(OutreachAction.REMINDER));
        assertEquals(List.of(Channel.PHONE), config.channelsFor(OutreachAction.AGENT_CALL));
        assertEquals(List.of(), config.channelsFor(OutreachAction.NONE));
        assertEquals(TreatmentPolicy.defaults(), config.treatment());
        assertEquals(ContactRules.defaults(), config.rules());
    }

    @Test
    void roundTripsThroughJsonForTheModelBundle() throws Exception {
        ContactRules rules = new ContactRules(LocalTime.of(9, 30), LocalTime.of(20, 0), 5, 7, 7, 2, 7, true,
                new HolidayCalendar(Set.of(LocalDate.of(2026, 12, 25)), Map.of("US", Set.of(LocalDate.of(2026, 7, 4)))));
        OutreachConfig config = OutreachConfig.defaults().withRules(rules);
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        String json = mapper.writeValueAsString(config);
        assertEquals(config, mapper.readValue(json, OutreachConfig.class));
    }

    @Test
    void everyActionButNoneNeedsDistinctChannels() {
        Map<OutreachAction, List<Channel>> missing = new EnumMap<>(OutreachConfig.defaultChannels());
        missing.remove(OutreachAction.AGENT_CALL);
        assertThrows(IllegalArgumentException.class, () -> withChannels(missing));
        Map<OutreachAction, List<Channel>> noneWithChannel = new EnumMap<>(OutreachConfig.defaultChannels());
        noneWithChannel.put(OutreachAction.NONE, List.of(Channel.EMAIL));
        assertThrows(IllegalArgumentException.class, () -> withChannels(noneWithChannel));
        Map<OutreachAction, List<Channel>> duplicate = new EnumMap<>(OutreachConfig.defaultChannels());
        duplicate.put(OutreachAction.REMINDER, List.of(Channel.EMAIL, Channel.EMAIL));
        assertThrows(IllegalArgumentException.class, () -> withChannels(duplicate));
    }

    @Test
    void rejectsOutOfRangeSearchSettings() {
        assertThrows(IllegalArgumentException.class, () -> new OutreachConfig("v", ContactRules.defaults(),
                TreatmentPolicy.defaults(), OutreachConfig.defaultChannels(), 1.5, 7, 0.85));
        assertThrows(IllegalArgumentException.class, () -> new OutreachConfig("v", ContactRules.defaults(),
                TreatmentPolicy.defaults(), OutreachConfig.defaultChannels(), 0.5, 0, 0.85));
        assertThrows(IllegalArgumentException.class, () -> new OutreachConfig("v", ContactRules.defaults(),
                TreatmentPolicy.defaults(), OutreachConfig.defaultChannels(), 0.5, 7, 0));
    }

    @Test
    void actionWireNamesAreTheContracts() {
        assertEquals("payment_plan_offer", OutreachAction.PAYMENT_PLAN_OFFER.wireName());
        assertEquals(OutreachAction.AGENT_CALL, OutreachAction.fromWire(" Agent_Call ").orElseThrow());
        assertEquals(java.util.Optional.empty(), OutreachAction.fromWire("call"));
        assertEquals(true, OutreachAction.AGENT_CALL.isStrongerThan(OutreachAction.PAYMENT_PLAN_OFFER));
    }

    private static OutreachConfig withChannels(Map<OutreachAction, List<Channel>> channels) {
        return new OutreachConfig("v", ContactRules.defaults(), TreatmentPolicy.defaults(), channels, 0.5, 7, 0.85);
    }
}
