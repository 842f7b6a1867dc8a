/**
 * API keys and roles: which key may call which endpoint. No HTTP types here; the filter that reads the
 * request headers lives in {@code io.paysignal.api.http}.
 */
package io.paysignal.api.auth;
