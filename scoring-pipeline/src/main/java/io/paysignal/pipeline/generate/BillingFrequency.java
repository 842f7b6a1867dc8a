package io.paysignal.pipeline.generate;

/** How often a customer is invoiced. */
enum BillingFrequency {
    WEEKLY, MONTHLY, QUARTERLY, IRREGULAR;

    /** Mean days between invoices, used to size amounts and credit limits. */
    double meanDaysBetween() {
        return switch (this) {
            case WEEKLY -> 7;
            case MONTHLY -> 30.4;
            case QUARTERLY -> 91.3;
            case IRREGULAR -> 25;
        };
    }
}
