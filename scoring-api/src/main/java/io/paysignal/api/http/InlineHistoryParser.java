package io.paysignal.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.api.problem.FieldError;
import io.paysignal.api.problem.ProblemException;
import io.paysignal.api.problem.ProblemType;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContractRows;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.history.RowOutcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the body of {@code POST /v1/score} into a history, applying the data contract exactly as the pipeline
 * does: every row goes through {@link ContractRows} (the contract's one parser) with its JSON fields as the
 * cells, so a value accepted or rejected there is accepted or rejected here with the same reason code.
 *
 * <p>Body: {@code {"as_of": "yyyy-MM-dd", "customer": {...}, "invoices": [...], "payments": [...],
 * "contacts": [...]}}. Field values may be JSON strings, numbers or booleans (numbers are passed on as
 * written, booleans as {@code true}/{@code false}); {@code null} or a missing field is an absent cell; other
 * fields are ignored, like extra columns. {@code customer_id} may be left out of invoices and contacts, since
 * the body is about one customer. Rules across rows are checked here too: an invoice or contact of another
 * customer ({@value #UNKNOWN_CUSTOMER}), a payment for an invoice not in the body ({@value #UNKNOWN_INVOICE}),
 * a repeated invoice id ({@value #DUPLICATE_KEY}). Payment and contact ids are no keys, as in the pipeline's
 * reader and the contract (only customer_id and invoice_id are unique keys): one remittance may pay several
 * invoices under one payment id, so a repeated payment or contact id is kept, never rejected.
 *
 * <p>Any problem rejects the whole body with a 400 listing every bad field by JSONPath.
 */
public final class InlineHistoryParser {

    /** Reason for a row naming a customer other than the body's. */
    public static final String UNKNOWN_CUSTOMER = "unknown_customer";
    /** Reason for a payment whose invoice is not in the body. */
    public static final String UNKNOWN_INVOICE = "unknown_invoice";
    /** Reason for a second invoice with the same id. */
    public static final String DUPLICATE_KEY = "duplicate_key";
    /** At most this many field errors are listed. */
    static final int MAX_ERRORS = 100;
    /** Decimal exponents beyond this are refused before being written out in plain digits. */
    private static final int MAX_DECIMAL_EXPONENT = 400;
    /** Reasons without a column suffix, and the column they are about. */
    private static final Map<String, String> REASON_COLUMNS = Map.of(
            "due_before_issue", "due_date", "unknown_timezone", "timezone", "unknown_outcome", "outcome");

    /** A key shown as {@code .key} in a JSONPath; any other is quoted. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final String defaultCurrency;

    /** @param defaultCurrency the currency of an invoice whose {@code currency} is blank (contract section 1) */
    public InlineHistoryParser(String defaultCurrency) {
        this.defaultCurrency = defaultCurrency;
    }

    /**
     * A parsed body.
     *
     * @param history the customer's history
     * @param asOf the requested as-of date, or null when the body gives none
     */
    public record InlineHistory(CustomerHistory history, LocalDate asOf) {
    }

    /** Parses the body; throws a 400 {@link ProblemException} listing every problem found. */
    public InlineHistory parse(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate asOf = asOf(body, errors);
        Customer customer = customer(body, errors);
        // Even when the customer row is rejected, its id (if any) lets the other rows be checked on their own.
        String customerId = customer != null ? customer.customerId() : customerIdCell(body);

        List<Invoice> invoices = new ArrayList<>();
        Set<String> invoiceIds = new HashSet<>();
        forEachRow(body, "invoices", errors, (path, cells) -> {
            RowOutcome<Invoice> row = ContractRows.invoice(withCustomer(cells, customerId), defaultCurrency);
            if (accept(row, path, errors)) {
                Invoice invoice = row.value();
                if (customerId != null && !invoice.customerId().equals(customerId)) {
                    errors.add(new FieldError(path + ".customer_id", UNKNOWN_CUSTOMER));
                } else if (!invoiceIds.add(invoice.invoiceId())) {
                    errors.add(new FieldError(path + ".invoice_id", DUPLICATE_KEY));
                } else {
                    invoices.add(invoice);
                }
            }
        });
        List<Payment> payments = new ArrayList<>();
        forEachRow(body, "payments", errors, (path, cells) -> {
            RowOutcome<Payment> row = ContractRows.payment(cells);
            if (accept(row, path, errors)) {
                Payment payment = row.value();
                if (!invoiceIds.contains(payment.invoiceId())) {
                    errors.add(new FieldError(path + ".invoice_id", UNKNOWN_INVOICE));
                } else {
                    payments.add(payment);
                }
            }
        });
        List<Contact> contacts = new ArrayList<>();
        forEachRow(body, "contacts", errors, (path, cells) -> {
            RowOutcome<Contact> row = ContractRows.contact(withCustomer(cells, customerId));
            if (accept(row, path, errors)) {
                Contact contact = row.value();
                if (customerId != null && !contact.customerId().equals(customerId)) {
                    errors.add(new FieldError(path + ".customer_id", UNKNOWN_CUSTOMER));
                } else {
                    contacts.add(contact);
                }
            }
        });
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return new InlineHistory(new CustomerHistory(customer, invoices, payments, contacts), asOf);
    }

    private LocalDate asOf(ObjectNode body, List<FieldError> errors) {
        JsonNode node = body.get("as_of");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("$.as_of", "expected_string"));
            return null;
        }
        try {
            return ContractRows.parseDate(node.textValue());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("$.as_of", "unparseable_date:as_of"));
            return null;
        }
    }

    private static String customerIdCell(ObjectNode body) {
        JsonNode id = body.path("customer").path("customer_id");
        return id.isTextual() && !id.textValue().isBlank() ? id.textValue().trim() : null;
    }

    private Customer customer(ObjectNode body, List<FieldError> errors) {
        JsonNode node = body.get("customer");
        if (node == null || node.isNull()) {
            errors.add(new FieldError("$.customer", "missing_value:customer"));
            return null;
        }
        if (!(node instanceof ObjectNode row)) {
            errors.add(new FieldError("$.customer", "expected_object"));
            return null;
        }
        Function<String, String> cells = cells(row, "$.customer", errors);
        if (cells == null) {
            return null;
        }
        RowOutcome<Customer> outcome = ContractRows.customer(cells);
        return accept(outcome, "$.customer", errors) ? outcome.value() : null;
    }

    private interface RowHandler {
        void handle(String path, Function<String, String> cells);
    }

    private void forEachRow(ObjectNode body, String table, List<FieldError> errors, RowHandler handler) {
        JsonNode node = body.get(table);
        if (node == null || node.isNull()) {
            return;
        }
        if (!(node instanceof ArrayNode rows)) {
            errors.add(new FieldError("$." + table, "expected_array"));
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            String path = "$." + table + "[" + i + "]";
            if (!(rows.get(i) instanceof ObjectNode row)) {
                errors.add(new FieldError(path, "expected_object"));
                continue;
            }
            Function<String, String> cells = cells(row, path, errors);
            if (cells != null) {
                handler.handle(path, cells);
            }
        }
    }

    /**
     * The row's fields as text cells, or null (with errors added) when a field holds something that is no
     * cell value: an object, an array, or a number too large to write out.
     */
    static Function<String, String> cells(ObjectNode row, String path, List<FieldError> errors) {
        Map<String, String> cells = new HashMap<>();
        boolean valid = true;
        var fields = row.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                cells.put(field.getKey(), value.textValue());
            } else if (value.isBoolean()) {
                cells.put(field.getKey(), Boolean.toString(value.booleanValue()));
            } else if (value.isIntegralNumber()) {
                cells.put(field.getKey(), value.bigIntegerValue().toString());
            } else if (value.isNumber()) {
                // Jackson keeps an overflowing literal such as 1e999999999 as an infinite double.
                boolean infinite = (value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue());
                BigDecimal decimal = infinite ? null : value.decimalValue();
                if (infinite || Math.abs((long) decimal.scale()) > MAX_DECIMAL_EXPONENT) {
                    errors.add(new FieldError(child(path, field.getKey()), "number_out_of_range"));
                    valid = false;
                } else {
                    cells.put(field.getKey(), decimal.toPlainString());
                }
            } else {
                errors.add(new FieldError(child(path, field.getKey()), "expected_scalar"));
                valid = false;
            }
        }
        return valid ? cells::get : null;
    }

    /** {@code path.key} for plain keys, {@code path['key']} for anything else (cut to 64 characters). */
    static String child(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return path + "." + key;
        }
        String shown = key.length() > 64 ? key.substring(0, 64) : key;
        return path + "['" + shown.replace("\\", "\\\\").replace("'", "\\'").replaceAll("\\p{Cntrl}", "?") + "']";
    }

    /** Rows about the body's customer may leave {@code customer_id} out. */
    private static Function<String, String> withCustomer(Function<String, String> cells, String customerId) {
        return column -> {
            String value = cells.apply(column);
            return "customer_id".equals(column) && (value == null || value.isBlank()) ? customerId : value;
        };
    }

    private static boolean accept(RowOutcome<?> outcome, String path, List<FieldError> errors) {
        if (outcome.isAccepted()) {
            return true;
        }
        errors.add(new FieldError(path + columnSuffix(outcome.reason()), outcome.reason()));
        return false;
    }

    private static String columnSuffix(String reason) {
        int colon = reason.indexOf(':');
        String column = colon >= 0 ? reason.substring(colon + 1) : REASON_COLUMNS.get(reason);
        return column == null ? "" : "." + column;
    }

    private static ProblemException rejected(List<FieldError> errors) {
        boolean shapeOnly = errors.stream().allMatch(error -> error.reason().startsWith("expected_")
                || error.reason().equals("number_out_of_range"));
        ProblemType type = shapeOnly ? ProblemType.INVALID_REQUEST : ProblemType.CONTRACT_VIOLATION;
        String detail = errors.size() + (errors.size() == 1 ? " field breaks" : " fields break")
                + (shapeOnly ? " the request format" : " the data contract")
                + (errors.size() > MAX_ERRORS ? "; the first " + MAX_ERRORS + " are listed." : ".");
        return new ProblemException(type, detail, errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
    }
}
