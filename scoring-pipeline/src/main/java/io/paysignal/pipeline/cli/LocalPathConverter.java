package io.paysignal.pipeline.cli;

import io.paysignal.pipeline.io.ModelLocation;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads a {@link Path} option (files such as configurations and truth tables): a local path, or a {@code file:}
 * URI such as {@code file:///data/truth}, the form Spark and Hadoop print. Another scheme ({@code hdfs://},
 * {@code s3a://}) is refused with a one-line reason instead of being taken for a relative local folder named
 * {@code hdfs:}. (Model registries take any Hadoop URI: {@link ModelLocation}, whose parsing this shares.)
 */
final class LocalPathConverter implements CommandLine.ITypeConverter<Path> {

    @Override
    public Path convert(String text) {
        Path local;
        try {
            local = ModelLocation.localPath(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (local == null) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a local path: this option takes a"
                    + " local path or a file: URI (copy it to a local folder first)");
        }
        return local;
    }
}
