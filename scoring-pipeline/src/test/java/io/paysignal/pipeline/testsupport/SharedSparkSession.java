package io.paysignal.pipeline.testsupport;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base class of Spark tests: one small local Spark session per test class, stopped after the class (as
 * apache/spark's {@code SharedSparkSession}). Tests share the session, never data: each test builds or
 * reads its own datasets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SharedSparkSession {

    /** The session of the running test class. */
    protected SparkSession spark;

    @BeforeAll
    void startSpark() {
        spark = SparkSession.builder()
                .appName(getClass().getSimpleName())
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
