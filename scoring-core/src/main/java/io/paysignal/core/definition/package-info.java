/**
 * The data contract's definitions (DATA-CONTRACT section 2), written once and used everywhere:
 * {@link io.paysignal.core.definition.SettlementTolerance} (1% of the amount or 1.00, whichever is smaller),
 * {@link io.paysignal.core.definition.InvoiceLedger} (open balance, settlement day and days past due of one
 * invoice on any day) and {@link io.paysignal.core.definition.DelinquencyLabel} (the label a score predicts:
 * an invoice reaching D days past due within (T, T + H]). Features, labels and evaluation must not
 * re-derive these rules.
 */
package io.paysignal.core.definition;
