package io.paysignal.api.snapshot;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.GenericDataSupplier;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads the per-customer feature snapshot that {@code riskctl score --out DIR} writes as Parquet part files
 * under {@code DIR/features/}, without Spark, into a {@link SnapshotIndex}.
 *
 * <p>Layout (see {@link SnapshotLayout}): {@code customer_id}, {@code as_of}, one double column per
 * feature, the customer columns, and the lists {@code open_invoices} and {@code recent_contacts}. Spark
 * writes lists as three-level {@code LIST} groups ({@code list}/{@code element}); the reader derives its
 * Avro read schema from each file's Parquet schema (never from an embedded Avro schema), so files from Spark
 * and from any other writer are read the same way. Contact times must be {@code TIMESTAMP_MICROS} (Spark's
 * {@code spark.sql.parquet.outputTimestampType=TIMESTAMP_MICROS}) or {@code TIMESTAMP_MILLIS}: parquet-avro 1.13
 * cannot read legacy {@code INT96} inside a list, so such a file is refused at start-up with that advice.
 *
 * <p>The output must be complete: Spark's {@code _SUCCESS} marker is required, so a half-written
 * directory is refused rather than served as a partial customer base. Part files are read in parallel.
 * Every row is checked against the core records' invariants while loading, so a bad file fails start-up
 * instead of failing requests later.
 *
 * <p>When the folder is a score output ({@code DIR/features/} below it), the score table's Parquet part files
 * at {@code DIR}'s root are read at the same time, on their own thread ({@link ScoreTableReader}), and attached
 * to the index aligned with its positions ({@link SnapshotIndex#precomputed()}). The table is optional: a CSV
 * score output, an older run or an unusable table leaves the index without one, as the start-up log says.
 */
public final class SnapshotReader {

    /** The folder under the score output that holds the snapshot. */
    public static final String FEATURES_FOLDER = "features";
    /** Spark's marker of a completely written output. */
    public static final String SUCCESS_MARKER = "_SUCCESS";

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotReader.class);

    private final Configuration hadoopConf;
    private final int threads;

    /**
     * @param hadoopConf Hadoop settings for the file system (local paths need none)
     * @param threads how many part files to read at once
     */
    public SnapshotReader(Configuration hadoopConf, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.hadoopConf = new Configuration(hadoopConf);
        // Lists: treat the repeated 'list' group of a 3-level LIST as a wrapper, not as an element record.
        this.hadoopConf.setBoolean(AvroSchemaConverter.ADD_LIST_ELEMENT_RECORDS, false);
        // INT96 converts to fixed(12) instead of failing, so the layout check can name the problem precisely.
        this.hadoopConf.setBoolean(AvroReadSupport.READ_INT96_AS_FIXED, true);
        AvroReadSupport.setAvroDataSupplier(this.hadoopConf, GenericDataSupplier.class);
        this.threads = threads;
    }

    /** A reader for local or Hadoop paths with default settings, one thread per core. */
    public static SnapshotReader withDefaults() {
        return new SnapshotReader(new Configuration(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Reads the snapshot under {@code snapshotDir}: its {@code features/} folder, or the folder itself when it
     * holds the part files directly.
     *
     * @throws SnapshotFormatException when the files are missing, incomplete or malformed
     */
    public SnapshotIndex read(String snapshotDir) {
        long started = System.nanoTime();
        List<Path> parts;
        Path folder;
        try {
            folder = featuresFolder(snapshotDir);
            parts = partFiles(folder);
        } catch (IOException e) {
            throw new SnapshotFormatException("cannot list snapshot " + snapshotDir + ": " + e.getMessage(), e);
        }
        List<SnapshotLayout> layouts = new ArrayList<>(parts.size());
        for (Path part : parts) {
            layouts.add(layoutOf(part));
        }
        List<String> featureNames = layouts.get(0).featureNames();
        for (int i = 1; i < layouts.size(); i++) {
            if (!layouts.get(i).featureNames().equals(featureNames)) {
                throw new SnapshotFormatException("part files disagree on the feature columns: " + parts.get(0)
                        + " has " + featureNames + ", " + parts.get(i) + " has " + layouts.get(i).featureNames());
            }
        }
        // The score table (when the folder is a score output with features/ below it) is read at the same time.
        Path scoreOut = folder.getName().equals(FEATURES_FOLDER) ? folder.getParent() : null;
        CompletableFuture<ScoreTableReader.Outcome> table = scoreOut == null
                ? CompletableFuture.completedFuture(ScoreTableReader.Outcome.none("no score output around " + folder))
                : CompletableFuture.supplyAsync(() -> new ScoreTableReader(hadoopConf).read(scoreOut), daemon("score-table-reader"));
        Interner interner = new Interner();
        List<CompactCustomer> rows = readAll(parts, layouts, featureNames, interner);
        SnapshotIndex index = withScoreTable(new SnapshotIndex(folder.toString(), featureNames, rows), scoreOut,
                table.join());
        LOG.info("snapshot {}: {} customers, {} features, as of {}, {} part files, score table: {}; loaded in {} ms",
                folder, index.size(), featureNames.size(), index.asOfDates(), parts.size(),
                index.precomputed().map(PrecomputedScores::toString).orElse("none"),
                (System.nanoTime() - started) / 1_000_000);
        return index;
    }

    private static SnapshotIndex withScoreTable(SnapshotIndex index, Path scoreOut, ScoreTableReader.Outcome table) {
        if (table.rows() == null) {
            LOG.info("serving without a precomputed score table: {}", table.ignoredBecause());
            return index;
        }
        PrecomputedScores.Builder aligned = table.rows().alignWith(index, scoreOut.toString());
        if (aligned.unknownCustomers + aligned.otherAsOf + aligned.duplicates > 0) {
            LOG.warn("score table {}: {} rows for customers not in the snapshot, {} for another as-of date, {}"
                    + " duplicates; those customers are scored by the model", scoreOut, aligned.unknownCustomers,
                    aligned.otherAsOf, aligned.duplicates);
        }
        return index.withPrecomputed(aligned.build());
    }

    private static Executor daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    private Path featuresFolder(String snapshotDir) throws IOException {
        Path dir = new Path(snapshotDir);
        FileSystem fs = dir.getFileSystem(hadoopConf);
        Path features = new Path(dir, FEATURES_FOLDER);
        if (fs.isDirectory(features)) {
            return fs.makeQualified(features);
        }
        if (fs.isDirectory(dir)) {
            return fs.makeQualified(dir);
        }
        throw new SnapshotFormatException("snapshot folder " + snapshotDir + " does not exist");
    }

    private List<Path> partFiles(Path folder) throws IOException {
        FileSystem fs = folder.getFileSystem(hadoopConf);
        if (!fs.exists(new Path(folder, SUCCESS_MARKER))) {
            throw new SnapshotFormatException(folder + " has no " + SUCCESS_MARKER
                    + " marker: the score run that wrote it did not finish, or failed (its _run.json says why)");
        }
        List<Path> parts = parquetParts(fs, folder);
        if (parts.isEmpty()) {
            throw new SnapshotFormatException(folder + " holds no *.parquet part files");
        }
        return parts;
    }

    /**
     * The visible Parquet part files directly in {@code folder}, by name: what a Spark write leaves there, without
     * hidden staging files or markers. Shared with {@link ScoreTableReader}, which reads the score table beside
     * the snapshot.
     */
    static List<Path> parquetParts(FileSystem fs, Path folder) throws IOException {
        return Arrays.stream(fs.listStatus(folder))
                .filter(FileStatus::isFile)
                .map(FileStatus::getPath)
                .filter(path -> path.getName().endsWith(".parquet"))
                .filter(path -> !path.getName().startsWith(".") && !path.getName().startsWith("_"))
                .sorted(Comparator.comparing(Path::getName))
                .toList();
    }

    /** The Avro schema of a Parquet part, read from its footer. Shared with {@link ScoreTableReader}. */
    static Schema avroSchemaOf(Path part, Configuration conf) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(part, conf))) {
            return new AvroSchemaConverter(conf).convert(footer.getFileMetaData().getSchema());
        }
    }

    /**
     * Hands every record of one Parquet part, in file order, to {@code action}, read with parquet-avro under
     * {@code conf} (which carries the read schema or projection). Shared with {@link ScoreTableReader}.
     */
    static void forEachRecord(Path part, Configuration conf, Consumer<GenericRecord> action) throws IOException {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader
                .<GenericRecord>builder(HadoopInputFile.fromPath(part, conf))
                .withDataModel(GenericData.get())
                .withConf(conf)
                .build()) {
            GenericRecord record;
            while ((record = reader.read()) != null) {
                action.accept(record);
            }
        }
    }

    private SnapshotLayout layoutOf(Path part) {
        try {
            return SnapshotLayout.of(avroSchemaOf(part, hadoopConf), part.getName());
        } catch (IOException | RuntimeException e) {
            if (e instanceof SnapshotFormatException formatException) {
                throw formatException;
            }
            throw new SnapshotFormatException("cannot read the Parquet footer of " + part + ": " + e.getMessage(), e);
        }
    }

    private List<CompactCustomer> readAll(List<Path> parts, List<SnapshotLayout> layouts, List<String> featureNames,
                                          Interner interner) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts.size()), runnable -> {
            Thread thread = new Thread(runnable, "snapshot-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<CompactCustomer>>> pending = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                Path part = parts.get(i);
                SnapshotLayout layout = layouts.get(i);
                pending.add(pool.submit(() -> readPart(part, layout, featureNames, interner)));
            }
            List<CompactCustomer> rows = new ArrayList<>();
            for (Future<List<CompactCustomer>> part : pending) {
                rows.addAll(part.get());
            }
            return rows;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SnapshotFormatException formatException) {
                throw formatException;
            }
            throw new SnapshotFormatException("cannot read the snapshot: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotFormatException("interrupted while reading the snapshot", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<CompactCustomer> readPart(Path part, SnapshotLayout layout, List<String> featureNames,
                                           Interner interner) throws IOException {
        Configuration conf = new Configuration(hadoopConf);
        AvroReadSupport.setAvroReadSchema(conf, layout.avroSchema());
        List<CompactCustomer> rows = new ArrayList<>();
        forEachRecord(part, conf, record -> {
            CompactCustomer row = layout.decode(record, interner);
            try {
                row.prepare(interner::date);
            } catch (IllegalArgumentException e) {
                throw new SnapshotFormatException(part.getName() + ": customer " + row.customerId
                        + " breaks a snapshot rule: " + e.getMessage(), e);
            }
            rows.add(row);
        });
        return rows;
    }

    /**
     * Shares one instance per distinct low-cardinality value (segment, country, currency, zone, date) across
     * threads.
     */
    static final class Interner {
        private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, ZoneId> zones = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<Integer, LocalDate> dates = new ConcurrentHashMap<>();

        /** {@code LocalDate.ofEpochDay(epochDay)}, one instance per day (a snapshot spans a few thousand days). */
        LocalDate date(int epochDay) {
            return dates.computeIfAbsent(epochDay, LocalDate::ofEpochDay);
        }

        String string(String value) {
            return value == null ? null : strings.computeIfAbsent(value, v -> v);
        }

        ZoneId zone(String id) {
            return zones.computeIfAbsent(id, ZoneId::of);
        }
    }
}
