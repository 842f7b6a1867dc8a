/**
 * The per-customer snapshot that {@code riskctl score} writes and the scoring API serves from: features as
 * of T plus the slice of history that later outreach decisions need.
 */
package io.paysignal.core.snapshot;
