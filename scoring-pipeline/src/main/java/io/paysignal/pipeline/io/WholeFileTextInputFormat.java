package io.paysignal.pipeline.io;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.TextInputFormat;

/**
 * Hadoop's text input, one split per file: {@link QuotedRecords} must see a file's lines in order from its
 * first, since whether a line starts a record depends on every quote before it. Public with a no-argument
 * constructor because Hadoop creates it by reflection.
 */
public final class WholeFileTextInputFormat extends TextInputFormat {

    @Override
    protected boolean isSplitable(FileSystem fs, Path file) {
        return false;
    }
}
