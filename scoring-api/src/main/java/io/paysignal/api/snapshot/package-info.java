/**
 * Reading the pipeline's per-customer Parquet snapshot (parquet-avro, no Spark) into a compact in-memory index.
 */
package io.paysignal.api.snapshot;
