/**
 * The receivables portfolio as of a date, for segment tables and portfolio KPIs (docs/KPIS.md):
 * {@link io.paysignal.core.portfolio.DpdBucket} (current, 1-30, 31-60, 61-90, 90+ days past due),
 * {@link io.paysignal.core.portfolio.ReceivablesPosition} (a customer's open and overdue balance and worst
 * DPD on a day), {@link io.paysignal.core.portfolio.ReceivablesTotals} over a
 * {@link io.paysignal.core.portfolio.ReportingPeriod} and the KPIs built from them
 * ({@link io.paysignal.core.portfolio.PortfolioKpis}: DSO, best possible DSO, average days delinquent, CEI),
 * and month-over-month {@link io.paysignal.core.portfolio.RollRates} between DPD buckets.
 *
 * <p>Balances and days past due come from {@link io.paysignal.core.definition.InvoiceLedger}; nothing here
 * re-derives the contract's definitions. Every computation takes its dates explicitly and looks only at
 * invoices issued, and payments dated, on or before the day asked about. Amounts are summed per
 * {@link io.paysignal.core.portfolio.ReportingCurrency}: in each invoice's own currency, or converted to one
 * reporting currency with given exchange rates, never silently mixed.
 */
package io.paysignal.core.portfolio;
