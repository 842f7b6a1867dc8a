package io.paysignal.api.service;

/** No customer with this id is in the loaded snapshot. */
public final class UnknownCustomerException extends RuntimeException {

    private final String customerId;

    public UnknownCustomerException(String customerId) {
        super("no customer " + customerId + " in the loaded snapshot", null, false, false);
        this.customerId = customerId;
    }

    /** The id asked for. */
    public String customerId() {
        return customerId;
    }
}
