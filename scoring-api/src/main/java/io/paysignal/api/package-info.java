/**
 * The scoring API's entry point ({@code riskctl serve}), its configuration, and the one route table.
 */
package io.paysignal.api;
