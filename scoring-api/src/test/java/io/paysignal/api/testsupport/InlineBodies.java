package io.paysignal.api.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.Random;

/** Random valid {@code POST /v1/score} bodies, for fuzzing (as the base of mutations) and load tests. */
public final class InlineBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InlineBodies() {
    }

    /** A valid inline body: one customer with up to 24 monthly invoices, payments on most, a few contacts. */
    public static ObjectNode valid(Random random) {
        LocalDate asOf = LocalDate.of(2026, 3, 1);
        ObjectNode body = NODES.objectNode();
        body.put("as_of", asOf.toString());
        ObjectNode customer = body.putObject("customer");
        customer.put("customer_id", "fz-" + random.nextInt(1_000_000));
        customer.put("segment", pick(random, "smb", "enterprise", "consumer"));
        customer.put("timezone", pick(random, "UTC", "America/Chicago", "Asia/Kolkata", "Australia/Adelaide"));
        customer.put("preferred_channel", pick(random, "email", "sms", "phone", "letter", ""));
        customer.put("do_not_contact", random.nextInt(10) == 0);
        customer.put("credit_limit", 1000 + random.nextInt(50_000));
        customer.put("opened_date", asOf.minusDays(800 + random.nextInt(2000)).toString());
        ArrayNode invoices = body.putArray("invoices");
        ArrayNode payments = body.putArray("payments");
        int months = random.nextInt(25);
        for (int m = 0; m < months; m++) {
            LocalDate issued = asOf.minusMonths(24 - m).plusDays(random.nextInt(5));
            ObjectNode invoice = invoices.addObject();
            invoice.put("invoice_id", "i" + m);
            invoice.put("issue_date", issued.toString());
            invoice.put("due_date", issued.plusDays(30).toString());
            invoice.put("amount", String.format("%.2f", 50 + random.nextDouble() * 5000));
            if (random.nextInt(3) > 0) {
                ObjectNode payment = payments.addObject();
                payment.put("payment_id", "p" + m);
                payment.put("invoice_id", "i" + m);
                payment.put("payment_date", issued.plusDays(10 + random.nextInt(60)).toString());
                payment.put("amount", 10 + random.nextInt(5000));
            }
        }
        ArrayNode contacts = body.putArray("contacts");
        for (int c = random.nextInt(4); c > 0; c--) {
            ObjectNode contact = contacts.addObject();
            contact.put("contact_time", asOf.minusDays(1 + random.nextInt(60)) + "T10:00:00Z");
            contact.put("channel", pick(random, "email", "sms", "phone", "letter"));
            contact.put("outcome", pick(random, "no_response", "reached", "promise_to_pay", "opted_out"));
        }
        return body;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
