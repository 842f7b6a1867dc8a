package io.paysignal.core.replay;

import java.io.Serializable;

/**
 * The existing policy's contacts in the held-out window: what the response model expected of them, what came
 * of them, and (on generated data) their true response probability.
 *
 * @param customers customers with at least one such contact
 * @param estimated the model's estimates, one value per contact
 * @param realized 1 for a contact that reached the customer, else 0, one value per contact
 * @param truth the true probabilities, one value per contact (empty without the truth)
 */
public record HeldOutResult(long customers, Mean estimated, Mean realized, Mean truth) implements Serializable {

    /** No contacts. */
    public static final HeldOutResult EMPTY = new HeldOutResult(0, Mean.EMPTY, Mean.EMPTY, Mean.EMPTY);

    public HeldOutResult {
        if (customers < 0 || estimated == null || realized == null || truth == null) {
            throw new IllegalArgumentException("customers >= 0 and all means are required");
        }
    }

    /** Both parts summed. */
    public HeldOutResult plus(HeldOutResult other) {
        return new HeldOutResult(customers + other.customers, estimated.plus(other.estimated),
                realized.plus(other.realized), truth.plus(other.truth));
    }

    /** Contacts counted. */
    public long contacts() {
        return realized.count();
    }
}
