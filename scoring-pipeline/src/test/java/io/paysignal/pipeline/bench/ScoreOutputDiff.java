package io.paysignal.pipeline.bench;

import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bench check that a faster {@code riskctl score} wrote the same output as an earlier run: the score tables
 * and the feature snapshots hold the same rows (multiset equality, both ways), and {@code rejects.csv} is the
 * same file. Usage: {@code ScoreOutputDiff OUT_A OUT_B}; exit status 1 when they differ. Bench-only (lives
 * under {@code src/test/java}), run by hand when a change to the score path is measured.
 */
public final class ScoreOutputDiff {

    private ScoreOutputDiff() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ScoreOutputDiff OUT_A OUT_B");
            System.exit(2);
        }
        SparkSession spark = SparkSessions.start("riskctl-bench-diff", null);
        boolean same;
        try {
            same = sameRows(spark, "scores", args[0] + "/*.parquet", args[1] + "/*.parquet")
                    & sameRows(spark, "features", args[0] + "/features", args[1] + "/features");
        } finally {
            spark.stop();
        }
        byte[] rejectsA = Files.readAllBytes(Path.of(args[0], "rejects.csv"));
        byte[] rejectsB = Files.readAllBytes(Path.of(args[1], "rejects.csv"));
        boolean sameRejects = java.util.Arrays.equals(rejectsA, rejectsB);
        System.out.println("rejects.csv: " + (sameRejects ? "same" : "DIFFERENT") + " (" + rejectsA.length + " / "
                + rejectsB.length + " bytes)");
        System.exit(same && sameRejects ? 0 : 1);
    }

    private static boolean sameRows(SparkSession spark, String name, String a, String b) {
        Dataset<Row> left = spark.read().parquet(a);
        Dataset<Row> right = spark.read().parquet(b);
        long countA = left.count();
        long countB = right.count();
        long onlyA = left.exceptAll(right).count();
        long onlyB = right.exceptAll(left).count();
        boolean same = countA == countB && onlyA == 0 && onlyB == 0;
        System.out.printf("%s: %s rows %d / %d, only in A %d, only in B %d%n", name, same ? "same" : "DIFFERENT",
                countA, countB, onlyA, onlyB);
        return same;
    }
}
