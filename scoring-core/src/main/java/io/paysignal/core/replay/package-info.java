/**
 * Offline evaluation of outreach recommendations: a decision made as of T is replayed against what the
 * contact rules allowed on that day and against the contacts that really followed T.
 *
 * <ul>
 *   <li>{@link io.paysignal.core.replay.HeldOutSplit} cuts a whole history into what was known at T and the
 *       contacts of a later window.</li>
 *   <li>{@link io.paysignal.core.replay.AllowedSlots} lists every (channel, time) the planner could have
 *       chosen that passes every contact rule; it answers the best, a random and the first slot at an hour.</li>
 *   <li>{@link io.paysignal.core.replay.SegmentBestHours} is the simple baseline: per segment, the (channel,
 *       local hour) with the best historical reach rate.</li>
 *   <li>{@link io.paysignal.core.replay.RecommendationAudit} re-checks a recommendation against the rules,
 *       with the planner's checker and with independent plain readings.</li>
 *   <li>{@link io.paysignal.core.replay.OutreachReplay} is one customer's replay; {@link
 *       io.paysignal.core.replay.OutreachEvaluation} sums replays (mergeable, so a cluster can sum them) and,
 *       given the true response function of generated data, scores every strategy against the truth.</li>
 * </ul>
 * Pure functions of records: no clock, no files.
 */
package io.paysignal.core.replay;
