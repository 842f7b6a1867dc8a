package io.paysignal.core.response;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.testsupport.SyntheticResponses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseModelSelectionTest {

    private static final Instant SPLIT = SyntheticResponses.START.plusDays(90).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    private static final Instant END = SyntheticResponses.START.plusDays(130).atStartOfDay(ZoneOffset.UTC)
            .toInstant();

    @Test
    void choosesACustomerLevelModelWhenCustomersDiffer() {
        List<CustomerHistory> histories = SyntheticResponses.histories(300, 60, 120, 23);
        ResponseModelSelection selection = ResponseModelSelection.select(
                ResponseObservation.aggregate(histories, SPLIT), histories, SPLIT, END,
                ResponseModelSettings.candidates());
        for (ResponseEvaluation candidate : selection.candidates()) {
            System.out.printf("candidate %-45s log-loss %.4f AUC %.4f%n", candidate.model(), candidate.logLoss(),
                    candidate.auc());
        }
        assertTrue(selection.chosen().perCustomer(), selection.chosen().describe());
        assertEquals(ResponseModelSettings.candidates().size(), selection.candidates().size());
        for (ResponseEvaluation candidate : selection.candidates()) {
            assertTrue(selection.chosenEvaluation().logLoss() <= candidate.logLoss());
        }
    }

    @Test
    void addsTheBaselineWhenMissingAndKeepsItWhenNothingBeatsIt() {
        // Everybody answers 30% of contacts whatever the channel or hour: extra structure only adds noise.
        Random random = new Random(5);
        List<CustomerHistory> histories = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "N" + i;
            List<Contact> contacts = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                Instant at = SyntheticResponses.START.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(random.nextInt(130 * 24) * 3600L);
                contacts.add(new Contact(null, id, at, Channel.values()[random.nextInt(4)],
                        random.nextDouble() < 0.3 ? ContactOutcome.REACHED : ContactOutcome.NO_RESPONSE));
            }
            histories.add(new CustomerHistory(Customer.withDefaults(id), List.of(), List.of(), contacts));
        }
        ResponseModelSelection selection = ResponseModelSelection.select(
                ResponseObservation.aggregate(histories, SPLIT), histories, SPLIT, END,
                List.of(ResponseModelSettings.full(3)));
        assertEquals(2, selection.candidates().size());
        assertEquals(ResponseModelSettings.hourOfDayBaseline(), selection.chosen());
    }
}
