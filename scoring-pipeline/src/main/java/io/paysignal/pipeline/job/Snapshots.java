package io.paysignal.pipeline.job;

import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;

import java.time.LocalDate;

/** Which customers a snapshot as of T is about. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * True when the customer exists on T: it had an invoice issued on or before T, or its {@code opened_date}
     * is on or before T. Customers who only appear later have nothing to learn from or be judged on at T.
     */
    public static boolean isActiveOn(CustomerHistory history, LocalDate asOf) {
        LocalDate opened = history.customer().openedDate();
        if (opened != null && !opened.isAfter(asOf)) {
            return true;
        }
        // Invoices are sorted by issue date: the first one decides.
        for (Invoice invoice : history.invoices()) {
            return !invoice.issueDate().isAfter(asOf);
        }
        return false;
    }
}
