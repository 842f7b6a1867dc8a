/**
 * HTTP handlers and their request and response records. Handlers parse, call one service method and render;
 * errors are thrown and rendered by {@code io.paysignal.api.problem.ProblemMapper}.
 */
package io.paysignal.api.http;
