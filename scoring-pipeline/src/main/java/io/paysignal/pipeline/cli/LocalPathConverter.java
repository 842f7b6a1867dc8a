package io.paysignal.pipeline.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a {@link Path} option (files such as configurations and truth tables): a local path, or a {@code file:}
 * URI such as {@code file:///data/truth}, the form Spark and Hadoop print. Another scheme ({@code hdfs://},
 * {@code s3a://}) is refused with a one-line reason instead of being taken for a relative local folder named
 * {@code hdfs:}. (Model registries take any Hadoop URI: {@link io.paysignal.pipeline.io.ModelLocation}.)
 */
final class LocalPathConverter implements CommandLine.ITypeConverter<Path> {

    private static final Pattern URI_WITH_AUTHORITY = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    @Override
    public Path convert(String text) {
        if (text.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(URI.create(text));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw new CommandLine.TypeConversionException("not a local file: URI: " + text + " (" + e.getMessage()
                        + ")");
            }
        }
        if (URI_WITH_AUTHORITY.matcher(text).matches()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a local path: this option takes a"
                    + " local path or a file: URI (copy it to a local folder first)");
        }
        return Path.of(text);
    }
}
