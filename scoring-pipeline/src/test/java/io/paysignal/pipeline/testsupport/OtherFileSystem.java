package io.paysignal.pipeline.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under another scheme, {@code otherfs:///abs/path}: a file system that is not the local one to
 * java.nio, so code that must go through Hadoop's API for remote locations (hdfs://, s3a://) is tested through it.
 * {@link #SETTINGS} binds it, as Hadoop properties.
 */
public final class OtherFileSystem extends RawLocalFileSystem {

    public static final String SCHEME = "otherfs";

    /** The Hadoop properties that make {@code otherfs://} resolve to this class (FileSystem and FileContext). */
    public static final Map<String, String> SETTINGS = Map.of(
            "fs." + SCHEME + ".impl", OtherFileSystem.class.getName(),
            "fs." + SCHEME + ".impl.disable.cache", "true",
            "fs.AbstractFileSystem." + SCHEME + ".impl", Bound.class.getName());

    /** {@code otherfs://} followed by the absolute local path. */
    public static String uri(java.nio.file.Path local) {
        return SCHEME + "://" + local.toAbsolutePath();
    }

    /** A Hadoop configuration that knows the scheme. */
    public static Configuration configuration() {
        Configuration conf = new Configuration();
        SETTINGS.forEach(conf::set);
        return conf;
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** The same for {@link org.apache.hadoop.fs.FileContext}. */
    public static final class Bound extends DelegateToFileSystem {
        public Bound(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new OtherFileSystem(), conf, SCHEME, false);
        }
    }
}
