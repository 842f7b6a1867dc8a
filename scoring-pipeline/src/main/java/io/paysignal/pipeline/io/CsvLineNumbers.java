package io.paysignal.pipeline.io;

import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Gives rejected CSV rows their 1-based line numbers from their byte offsets, so that reading a file needs
 * no pass that numbers every line: only when a table has rejects does one task read the file's bytes up to
 * its last rejected row, counting line ends the way Hadoop's line reader splits lines (LF, CR LF, or a
 * lone CR), which is also how the reader's lines were cut. Rejects are few (the run fails above a small
 * share), so they go through one sorted partition. A reject that comes without its raw text (the streaming
 * reader does not carry the lines of rows the parser accepted) gets it from the same pass: the bytes from its
 * offset to the next line end, decoded as UTF-8 as the line reader decodes them.
 */
final class CsvLineNumbers {

    /** Rejected rows as {@code table, OFFSET, key, reason, raw}: the offset takes the line's place. */
    static final String OFFSET = "_offset";

    private CsvLineNumbers() {
    }

    /**
     * {@code rejects} (columns {@code table}, {@link #OFFSET}, {@code key}, {@code reason}, {@code raw}, all
     * from the CSV file at {@code file}) with the offset turned into the line number: schema
     * {@link History#REJECTS_SCHEMA}.
     */
    static Dataset<Row> number(SparkSession spark, Dataset<Row> rejects, String file) {
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        JavaRDD<Row> numbered = rejects.repartition(1).sortWithinPartitions(col(OFFSET)).javaRDD()
                .mapPartitions(new Numbering(file, conf));
        return spark.createDataFrame(numbered, History.REJECTS_SCHEMA);
    }

    /** Streams the rows of one partition (sorted by offset) against one pass over the file's bytes. */
    private static final class Numbering implements FlatMapFunction<Iterator<Row>, Row> {

        private static final long serialVersionUID = 1L;

        private final String file;
        private final SerializableConfiguration conf;

        Numbering(String file, SerializableConfiguration conf) {
            this.file = file;
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) throws IOException {
            if (!rows.hasNext()) {
                return Collections.emptyIterator();
            }
            Path path = new Path(file);
            FileSystem fs = path.getFileSystem(conf.value());
            LineEnds lineEnds = new LineEnds(fs.open(path));
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((TaskCompletionListener) context -> lineEnds.close());
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row row = rows.next();
                    long offset = row.getLong(1);
                    long line = lineEnds.before(offset) + 1;
                    String raw = row.isNullAt(4) ? lineEnds.lineAt(offset) : row.getString(4);
                    return RowFactory.create(row.getString(0), line, row.getString(2), row.getString(3), raw);
                }
            };
        }
    }

    /** Counts line ends in a byte stream, forwards only. */
    static final class LineEnds implements AutoCloseable {

        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int length;
        private int position;
        /** Bytes of the stream before {@code buffer[0]}. */
        private long bufferStart;
        private long count;
        private boolean afterCarriageReturn;

        LineEnds(InputStream in) {
            this.in = in;
        }

        /**
         * The number of line ends in the bytes before {@code offset}; offsets must not decrease from call to
         * call. An LF right after a CR ends the same line as the CR.
         */
        long before(long offset) {
            try {
                while (bufferStart + position < offset) {
                    if (position == length) {
                        bufferStart += length;
                        position = 0;
                        length = Math.max(0, in.read(buffer));
                        if (length == 0) {
                            throw new IllegalStateException("offset " + offset + " is past the end of the file");
                        }
                    }
                    int end = (int) Math.min(length, offset - bufferStart);
                    for (int i = position; i < end; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            if (!afterCarriageReturn) {
                                count++;
                            }
                            afterCarriageReturn = false;
                        } else if (b == '\r') {
                            count++;
                            afterCarriageReturn = true;
                        } else {
                            afterCarriageReturn = false;
                        }
                    }
                    position = end;
                }
                return count;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + e.getMessage(), e);
            }
        }

        /**
         * The text of the line starting at {@code offset}, without its line end; offsets must not decrease from
         * call to call (as for {@link #before}), and the line end is left to be counted.
         */
        String lineAt(long offset) {
            before(offset);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                while (true) {
                    if (position == length) {
                        bufferStart += length;
                        position = 0;
                        length = Math.max(0, in.read(buffer));
                        if (length == 0) {
                            break;
                        }
                    }
                    byte b = buffer[position];
                    if (b == '\n' || b == '\r') {
                        break;
                    }
                    bytes.write(b);
                    position++;
                    afterCarriageReturn = false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + e.getMessage(), e);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // Read-only stream: nothing is lost.
            }
        }
    }
}
