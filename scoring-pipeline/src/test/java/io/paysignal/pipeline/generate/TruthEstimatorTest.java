package io.paysignal.pipeline.generate;

import io.paysignal.core.definition.DelinquencyLabel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruthEstimatorTest {

    private static final int START = (int) LocalDate.parse("2024-01-01").toEpochDay();
    private static final int END = (int) LocalDate.parse("2025-06-30").toEpochDay();
    private static final int AS_OF = (int) LocalDate.parse("2025-03-01").toEpochDay();
    private static final long SEED = 5;

    private final SimCalendar calendar = new SimCalendar(START - 2, END + 200);
    private final TruthEstimator estimator = new TruthEstimator(SEED, DelinquencyLabel.defaults(), 32);

    private CustomerSimulation simulatedToAsOf(CustomerProfile profile) {
        CustomerSimulation simulation = new CustomerSimulation(profile, calendar, new LegacyOutreachPolicy());
        SplittableRandom random = RandomStreams.derive(SEED, profile.index(), RandomStreams.HISTORY);
        SimulationSink ignore = new HistoryRows(new GeneratedBlock(0, 1), profile, calendar);
        for (int day = START; day <= AS_OF; day++) {
            simulation.step(day, random, ignore);
        }
        return simulation;
    }

    private static String describe(CustomerSimulation simulation) {
        List<String> open = new ArrayList<>();
        for (OpenInvoice invoice : simulation.openInvoices()) {
            open.add(invoice.invoiceId + ":" + invoice.paidCents + ":" + invoice.cooldownUntil + ":" + invoice.frozen);
        }
        return simulation.stress() + " " + open;
    }

    @Test
    void reSimulationsAreRepeatableAndLeaveTheStateUntouched() {
        int checked = 0;
        for (int index = 0; index < 60; index++) {
            CustomerProfile profile = CustomerProfile.draw(SEED, index, START, END);
            CustomerSimulation simulation = simulatedToAsOf(profile);
            String before = describe(simulation);
            int first = estimator.delinquentSamples(simulation, AS_OF);
            assertEquals(before, describe(simulation));
            assertEquals(first, estimator.delinquentSamples(simulation, AS_OF));
            assertTrue(first >= 0 && first <= estimator.samples());
            checked += simulation.openInvoices().isEmpty() ? 0 : 1;
        }
        assertTrue(checked > 10, "customers with open invoices: " + checked);
    }

    @Test
    void reliablePayersHaveProbabilityZeroAndSomeOthersDoNot() {
        int reliable = 0;
        int positive = 0;
        for (int index = 0; index < 200; index++) {
            CustomerProfile profile = CustomerProfile.draw(SEED, index, START, END);
            int delinquent = estimator.delinquentSamples(simulatedToAsOf(profile), AS_OF);
            if (profile.reliable()) {
                reliable++;
                assertEquals(0, delinquent, profile.customerId());
            } else if (delinquent > 0) {
                positive++;
            }
        }
        assertTrue(reliable > 20, "reliable payers: " + reliable);
        assertTrue(positive > 10, "customers at some risk: " + positive);
    }
}
