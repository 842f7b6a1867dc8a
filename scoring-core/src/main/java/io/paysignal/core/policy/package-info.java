/**
 * The outreach engine: whether to contact a customer, how and when.
 *
 * <p>Three layers, each usable on its own:
 * <ol>
 *   <li>{@link io.paysignal.core.policy.TreatmentPolicy} turns a risk tier and the state of the customer's
 *       open invoices into the action the business wants ({@link io.paysignal.core.policy.OutreachAction}).</li>
 *   <li>{@link io.paysignal.core.policy.ContactRules} are the hard constraints (do not contact, opt-outs,
 *       local contact window, phone frequency, weekly cap, Sundays and holidays). They are never traded for
 *       response: {@link io.paysignal.core.policy.ContactRuleChecker} is the one checker the planner, the
 *       tests and later evaluations all use.</li>
 *   <li>{@link io.paysignal.core.policy.OutreachPlanner} searches channel and time slots that pass every rule
 *       for the highest estimated response ({@link io.paysignal.core.response.ResponseModel}) and explains
 *       its choice and every suppression in an {@link io.paysignal.core.policy.OutreachDecision}.</li>
 * </ol>
 * The planner's daily delay discount is estimated from the history at training time:
 * {@link io.paysignal.core.policy.CollectabilityCounts} counts how overdue invoices cure as they age, as of T,
 * and {@link io.paysignal.core.policy.DelayDiscountEstimate} fits the per-day decay of that cure rate.
 * Everything here is a pure function of records passed in: no clock, no files. {@code docs/OUTREACH.md}
 * documents the rules, defaults and vocabulary.
 */
package io.paysignal.core.policy;
