package io.paysignal.pipeline.generate;

import java.util.Locale;

/** The business segments the generator simulates; each has its own amounts, terms and channel habits. */
enum Segment {
    SMB, ENTERPRISE, CONSUMER;

    /** The value written to the {@code segment} column. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for business customers, whose accounts payable work weekdays only. */
    boolean isBusiness() {
        return this != CONSUMER;
    }
}
