package io.paysignal.api.service;

import io.paysignal.api.snapshot.SnapshotIndex;
import io.paysignal.api.testsupport.BusinessHoursPlanner;
import io.paysignal.api.testsupport.Customers;
import io.paysignal.api.testsupport.LedgerFeatureSource;
import io.paysignal.api.testsupport.PropertiesModelReader;
import io.paysignal.api.testsupport.Registries;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path registry;

    @Test
    void servesNothingUntilSnapshotAndModelAreLoaded() {
        ScoringService service = service(new PropertiesModelReader());

        assertFalse(service.readiness().ready());
        assertThrows(ServiceUnavailableException.class, () -> service.scoreCustomer("c1"));
        assertThrows(ServiceUnavailableException.class, service::reload, "canaries come from the snapshot");

        service.useSnapshot(snapshot(10));
        assertThrows(ServiceUnavailableException.class, () -> service.scoreCustomer("c1"));
        service.reload();

        assertTrue(service.readiness().ready());
        assertEquals(new Readiness("v1", 10), service.readiness());
        assertEquals("v1", service.scoreCustomer("c1").modelVersion());
    }

    @Test
    void refusesASnapshotWithOtherFeatures() {
        ScoringService service = service(new PropertiesModelReader());
        CustomerSnapshot one = Customers.snapshot(1);
        FeatureVector other = new FeatureVector("c1", Customers.AS_OF, List.of("x"), new double[] {1});
        SnapshotIndex foreign = SnapshotIndex.of("elsewhere", List.of("x"), List.of(
                new CustomerSnapshot(other, one.customer(), one.openInvoices(), one.recentContacts())));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service.useSnapshot(foreign));
        assertTrue(e.getMessage().contains("another version of the pipeline"), e.getMessage());
    }

    @Test
    void installsTheSnapshotOnlyOnce() {
        ScoringService service = service(new PropertiesModelReader());
        service.useSnapshot(snapshot(3));

        assertThrows(IllegalStateException.class, () -> service.useSnapshot(snapshot(3)));
    }

    @Test
    void aFailedReloadKeepsTheServingModel() {
        ScoringService service = loaded(new PropertiesModelReader());
        Registries.writeVersion(registry, "v2", LedgerFeatureSource.NAMES, -3, "NaN,0,0,0");
        Registries.setCurrent(registry, "v2");

        assertThrows(ModelRejectedException.class, service::reload);

        assertEquals("v1", service.currentModel().version());
        assertEquals("v1", service.scoreCustomer("c3").modelVersion());
    }

    @Test
    void aSecondReloadWhileOneIsRunningIsRefused() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PropertiesModelReader real = new PropertiesModelReader();
        ScoringService service = loaded(folder -> {
            if (folder.getFileName().toString().equals("v2")) {
                reading.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real.read(folder);
        });
        Registries.writeVersion(registry, "v2", -2);
        Registries.setCurrent(registry, "v2");

        CompletableFuture<ReloadOutcome> first = CompletableFuture.supplyAsync(service::reload);
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        assertThrows(ReloadInProgressException.class, service::reload);
        release.countDown();

        assertEquals(new ReloadOutcome("v1", "v2"), first.get(10, TimeUnit.SECONDS));
    }

    @Test
    void scoresAnInlineHistoryAsOfTodayWhenNoDateIsGiven() {
        ScoringService service = loaded(new PropertiesModelReader());
        CustomerHistory history = new CustomerHistory(Customer.withDefaults("new"), List.of(), List.of(), List.of());

        CustomerScore score = service.scoreHistory(history, null);

        assertEquals(LocalDate.of(2026, 3, 2), score.asOf());
        assertEquals("new", score.customerId());
    }

    @Test
    void aBatchReportsUnknownIdsAlongsideScores() {
        ScoringService service = loaded(new PropertiesModelReader());

        List<BatchEntry> entries = service.scoreBatch(List.of("c1", "ghost", "c2"));

        assertEquals("c1", entries.get(0).score().customerId());
        assertNull(entries.get(0).failure());
        assertInstanceOf(UnknownCustomerException.class, entries.get(1).failure());
        assertEquals("c2", entries.get(2).score().customerId());
    }

    @Test
    void snapshotScoresMatchScoringTheSameHistoryInline() {
        ScoringService service = loaded(new PropertiesModelReader());

        CustomerScore fromSnapshot = service.scoreCustomer("c7");
        CustomerScore inline = service.scoreHistory(Customers.history(7), Customers.AS_OF);

        assertEquals(fromSnapshot, inline);
    }

    @Test
    void aSnapshotCustomerIsScoredByTheModelOncePerServingModel() {
        AtomicInteger calls = new AtomicInteger();
        PropertiesModelReader real = new PropertiesModelReader();
        ScoringService service = loaded(folder -> counting(real.read(folder), calls));
        int afterCanaries = calls.get();

        CustomerScore first = service.scoreCustomer("c4");
        CustomerScore again = service.scoreCustomer("c4");
        service.scoreBatch(List.of("c4", "c4"));

        assertEquals(first, again);
        assertEquals(afterCanaries + 1, calls.get());
        Registries.writeVersion(registry, "v2", -2);
        Registries.setCurrent(registry, "v2");
        service.reload();
        int afterReload = calls.get();
        CustomerScore byNewModel = service.scoreCustomer("c4");
        assertEquals(afterReload + 1, calls.get(), "a new model scores the customer again");
        assertEquals("v2", byNewModel.modelVersion());
        assertNotEquals(first.score(), byNewModel.score());
    }

    private static RiskModel counting(RiskModel model, AtomicInteger calls) {
        return new RiskModel() {
            @Override
            public ModelInfo info() {
                return model.info();
            }

            @Override
            public ScoreResult score(FeatureVector features) {
                calls.incrementAndGet();
                return model.score(features);
            }
        };
    }

    @Test
    void listsVersionsWithCurrentAndServing() {
        ScoringService service = loaded(new PropertiesModelReader());
        Registries.writeVersion(registry, "v2", -2);
        Registries.setCurrent(registry, "v2");

        assertEquals(List.of(new ModelVersion("v1", false, true), new ModelVersion("v2", true, false)),
                service.versions());
    }

    private ScoringService loaded(RiskModelReader reader) {
        ScoringService service = service(reader);
        service.useSnapshot(snapshot(20));
        service.reload();
        return service;
    }

    private ScoringService service(RiskModelReader reader) {
        Registries.writeVersion(registry, "v1", -3);
        Registries.setCurrent(registry, "v1");
        return new ScoringService(new ScoringComponents(reader, new LedgerFeatureSource(), new BusinessHoursPlanner()),
                new ModelRegistry(registry), 3, CLOCK);
    }

    private static SnapshotIndex snapshot(int customers) {
        return SnapshotIndex.of("memory", LedgerFeatureSource.NAMES, Customers.snapshots(customers));
    }
}
