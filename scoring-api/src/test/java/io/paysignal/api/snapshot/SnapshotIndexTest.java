package io.paysignal.api.snapshot;

import io.paysignal.api.testsupport.LedgerFeatureSource;
import io.paysignal.api.testsupport.SnapshotFiles;
import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.policy.RiskTier;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The by-id route reads {@link SnapshotIndex#featuresAt} and {@link SnapshotIndex#historyAt}, built once at load,
 * where it used to rebuild {@code customerAt(p).features()} and {@code customerAt(p).toHistory()} per request:
 * these tests check on generated histories that both are equal to what was rebuilt, and that the outreach
 * planner decides the same from either, for snapshots read from Parquet and built in memory.
 */
class SnapshotIndexTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/Chicago", "Asia/Kolkata",
            "Pacific/Chatham", "America/St_Johns", "Australia/Lord_Howe");
    private static final Instant[] NOW = {Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-05T14:37:12.345Z"), Instant.parse("2026-01-24T23:59:59Z")};

    @TempDir
    Path out;

    @Test
    void sharedFeaturesAndHistoriesEqualTheRebuiltOnesForASnapshotReadFromParquet() {
        List<CustomerSnapshot> written = generated(3000, 11L);
        SnapshotFiles.write(out.resolve("features"), written, 3, SnapshotFiles.TimeEncoding.MICROS);

        assertSharedRecordsEqualRebuilt(new SnapshotReader(new Configuration(), 2).read(out.toString()));
    }

    @Test
    void sharedFeaturesAndHistoriesEqualTheRebuiltOnesForASnapshotBuiltInMemory() {
        assertSharedRecordsEqualRebuilt(SnapshotIndex.of("memory", LedgerFeatureSource.NAMES, generated(1000, 12L)));
    }

    @Test
    void thePlannerDecidesTheSameFromTheSharedHistoryAsFromTheRebuiltOne() {
        SnapshotFiles.write(out.resolve("features"), generated(1500, 13L), 2, SnapshotFiles.TimeEncoding.MICROS);
        SnapshotIndex index = new SnapshotReader(new Configuration(), 2).read(out.toString());
        OutreachSettings settings = OutreachSettings.uninformed();
        OutreachPlanner planner = new OutreachPlanner(settings.policy());

        int contacted = 0;
        for (int p = 0; p < index.size(); p++) {
            CustomerHistory rebuilt = index.customerAt(p).toHistory();
            for (RiskTier tier : RiskTier.values()) {
                for (Instant now : NOW) {
                    var expected = planner.decide(rebuilt, AS_OF, tier, now, settings.responseModel());
                    var actual = planner.decide(index.historyAt(p), AS_OF, tier, now, settings.responseModel());
                    assertEquals(expected, actual, index.historyAt(p).customerId());
                    contacted += expected.contactAt() == null ? 0 : 1;
                }
            }
        }
        // The generated customers reach every branch that plans a contact, not only "none".
        assertEquals(true, contacted > index.size(), "contacts planned: " + contacted);
    }

    private static void assertSharedRecordsEqualRebuilt(SnapshotIndex index) {
        for (int p = 0; p < index.size(); p++) {
            CustomerSnapshot rebuilt = index.customerAt(p);
            assertEquals(rebuilt.features(), index.featuresAt(p), rebuilt.customerId());
            assertEquals(rebuilt.toHistory(), index.historyAt(p), rebuilt.customerId());
            assertSame(index.historyAt(p), index.historyAt(p), "built once, not per call");
            assertSame(index.featuresAt(p), index.featuresAt(p), "built once, not per call");
            assertEquals(p, index.position(rebuilt.customerId()));
        }
    }

    /** Snapshots as of {@link #AS_OF} of random histories: zones, partial payments, disputes, opt-outs, calls. */
    private static List<CustomerSnapshot> generated(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LedgerFeatureSource features = new LedgerFeatureSource();
        Channel[] channels = Channel.values();
        ContactOutcome[] outcomes = ContactOutcome.values();
        List<CustomerSnapshot> snapshots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("G%06d", i);
            Customer customer = new Customer(id, random.nextInt(5) == 0 ? null : "seg" + random.nextInt(3),
                    random.nextBoolean() ? "US" : "DE", ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))),
                    random.nextInt(3) == 0 ? null : channels[random.nextInt(channels.length)],
                    random.nextInt(12) == 0, random.nextBoolean() ? null : 1000.0 * random.nextInt(1, 20),
                    random.nextBoolean() ? null : AS_OF.minusDays(random.nextInt(100, 3000)));
            List<Invoice> invoices = new ArrayList<>();
            List<Payment> payments = new ArrayList<>();
            for (int k = random.nextInt(6); k > 0; k--) {
                LocalDate issued = AS_OF.minusDays(random.nextInt(0, 150));
                Invoice invoice = new Invoice(id + "-i" + k, id, issued, issued.plusDays(random.nextInt(0, 60)),
                        Math.round(random.nextDouble(10, 5000) * 100) / 100.0, random.nextBoolean() ? "EUR" : "USD",
                        random.nextInt(8) == 0);
                invoices.add(invoice);
                for (int n = random.nextInt(3); n > 0; n--) {
                    payments.add(new Payment(random.nextBoolean() ? null : id + "-p" + k + n, invoice.invoiceId(),
                            issued.plusDays(random.nextInt(0, 200)),
                            Math.round(random.nextDouble(0.01, invoice.amount()) * 100) / 100.0));
                }
            }
            List<Contact> contacts = new ArrayList<>();
            for (int k = random.nextInt(8); k > 0; k--) {
                Instant at = AS_OF.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant()
                        .minusSeconds(random.nextLong(1, 60L * 86_400));
                contacts.add(new Contact(random.nextBoolean() ? null : id + "-c" + k, id, at,
                        channels[random.nextInt(channels.length)],
                        random.nextInt(10) == 0 ? ContactOutcome.OPTED_OUT : outcomes[random.nextInt(outcomes.length)]));
            }
            CustomerHistory history = new CustomerHistory(customer, invoices, payments, contacts);
            snapshots.add(CustomerSnapshot.of(history, features.extract(history, AS_OF)));
        }
        return snapshots;
    }
}
