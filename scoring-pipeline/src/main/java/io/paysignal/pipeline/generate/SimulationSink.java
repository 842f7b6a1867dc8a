package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;

import java.time.ZoneOffset;

/** Receives what a {@link CustomerSimulation} does, in time order. */
interface SimulationSink {

    /** A new invoice was issued (on {@code invoice.issueDay}). */
    void invoiceIssued(OpenInvoice invoice);

    /** A payment of {@code cents} against {@code invoice} arrived on {@code day}. */
    void paymentMade(OpenInvoice invoice, int day, long cents, int paymentNumber);

    /** The legacy policy contacted the customer at {@code epochSecond}; {@code offset} is the customer's local offset then. */
    void contactMade(int contactNumber, long epochSecond, ZoneOffset offset, Channel channel, ContactOutcome outcome);
}
