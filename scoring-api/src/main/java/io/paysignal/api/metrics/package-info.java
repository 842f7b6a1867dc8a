/** Prometheus metrics of the scoring API, recorded with Micrometer; no HTTP types here. */
package io.paysignal.api.metrics;
