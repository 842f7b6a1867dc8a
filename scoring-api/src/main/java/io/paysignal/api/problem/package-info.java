/**
 * RFC 7807 problem documents: the one {@link io.paysignal.api.problem.Problem} shape every error response
 * has, the documented {@link io.paysignal.api.problem.ProblemType}s, and the single
 * {@link io.paysignal.api.problem.ProblemMapper} that turns exceptions into them.
 */
package io.paysignal.api.problem;
