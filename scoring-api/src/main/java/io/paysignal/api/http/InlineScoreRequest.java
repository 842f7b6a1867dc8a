package io.paysignal.api.http;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;

import java.util.List;

/**
 * The documented shape of {@code POST /v1/score}'s body: one customer's history in the data contract's
 * tables, one JSON object per row with the contract's column names. It is what the OpenAPI document shows;
 * the body itself is read by {@link InlineHistoryParser}, which also accepts JSON numbers for decimals and
 * JSON booleans for booleans, and ignores unknown fields like extra columns.
 */
public record InlineScoreRequest(
        @OpenApiName("as_of") @OpenApiNullable @OpenApiDescription("yyyy-MM-dd; default today (UTC)") String asOf,
        CustomerRow customer,
        @OpenApiNullable List<InvoiceRow> invoices,
        @OpenApiNullable List<PaymentRow> payments,
        @OpenApiNullable List<ContactRow> contacts) {

    /** A {@code customers} row. */
    public record CustomerRow(
            @OpenApiName("customer_id") String customerId,
            @OpenApiNullable String segment,
            @OpenApiNullable String country,
            @OpenApiNullable @OpenApiDescription("IANA zone; default UTC") String timezone,
            @OpenApiName("preferred_channel") @OpenApiNullable String preferredChannel,
            @OpenApiName("do_not_contact") @OpenApiNullable @OpenApiDescription("true/false") String doNotContact,
            @OpenApiName("credit_limit") @OpenApiNullable @OpenApiDescription("decimal") String creditLimit,
            @OpenApiName("opened_date") @OpenApiNullable @OpenApiDescription("yyyy-MM-dd") String openedDate) {
    }

    /** An {@code invoices} row. */
    public record InvoiceRow(
            @OpenApiName("invoice_id") String invoiceId,
            @OpenApiName("customer_id") @OpenApiNullable @OpenApiDescription("default: the body's customer")
            String customerId,
            @OpenApiName("issue_date") @OpenApiDescription("yyyy-MM-dd") String issueDate,
            @OpenApiName("due_date") @OpenApiDescription("yyyy-MM-dd") String dueDate,
            @OpenApiDescription("decimal > 0") String amount,
            @OpenApiNullable String currency,
            @OpenApiNullable @OpenApiDescription("true/false") String disputed) {
    }

    /** A {@code payments} row. */
    public record PaymentRow(
            @OpenApiName("payment_id") @OpenApiNullable String paymentId,
            @OpenApiName("invoice_id") String invoiceId,
            @OpenApiName("payment_date") @OpenApiDescription("yyyy-MM-dd") String paymentDate,
            @OpenApiDescription("decimal > 0") String amount) {
    }

    /** A {@code contacts} row. */
    public record ContactRow(
            @OpenApiName("contact_id") @OpenApiNullable String contactId,
            @OpenApiName("customer_id") @OpenApiNullable @OpenApiDescription("default: the body's customer")
            String customerId,
            @OpenApiName("contact_time") @OpenApiDescription("ISO-8601 with offset") String contactTime,
            @OpenApiDescription("email, sms, phone or letter") String channel,
            @OpenApiNullable @OpenApiDescription("no_response, reached, promise_to_pay or opted_out")
            String outcome) {
    }
}
