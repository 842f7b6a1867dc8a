package io.paysignal.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ContractRowMappingTest {

    private static final Customer CUSTOMER = new Customer("C1", "smb", "US", ZoneId.of("America/Chicago"),
            Channel.SMS, true, 2500.0, LocalDate.of(2020, 5, 17));
    private static final Invoice INVOICE = new Invoice("I1", "C1", LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 1, 31), 99.95, "EUR", true);
    private static final Payment PAYMENT = new Payment(null, "I1", LocalDate.of(2024, 1, 20), 50.0);
    private static final Contact CONTACT = new Contact("K1", "C1", Instant.parse("2024-02-05T19:05:00Z"),
            Channel.PHONE, ContactOutcome.PROMISE_TO_PAY);

    @Test
    void recordsSurviveTheRoundTripThroughRows() {
        assertEquals(CUSTOMER, ContractRowMapping.customer(ContractRowMapping.customerRow(CUSTOMER)));
        assertEquals(INVOICE, ContractRowMapping.invoice(ContractRowMapping.invoiceRow(INVOICE)));
        assertEquals(PAYMENT, ContractRowMapping.payment(ContractRowMapping.paymentRow(PAYMENT)));
        assertEquals(CONTACT, ContractRowMapping.contact(ContractRowMapping.contactRow(CONTACT)));
        Customer bare = Customer.withDefaults("C2");
        assertEquals(bare, ContractRowMapping.customer(ContractRowMapping.customerRow(bare)));
    }

    @Test
    void cellsAreWhatSparkMakesOfTheRows() {
        Customer bare = Customer.withDefaults("C2");
        Contact beforeEpochWithMicros = new Contact(null, "C1", Instant.parse("1969-12-31T23:59:59.250001999Z"),
                Channel.EMAIL, ContactOutcome.NO_RESPONSE);
        assertSameInternalRow(ContractRowMapping.CUSTOMERS, ContractRowMapping.customerRow(CUSTOMER),
                ContractRowMapping.customerCells(CUSTOMER));
        assertSameInternalRow(ContractRowMapping.CUSTOMERS, ContractRowMapping.customerRow(bare),
                ContractRowMapping.customerCells(bare));
        assertSameInternalRow(ContractRowMapping.INVOICES, ContractRowMapping.invoiceRow(INVOICE),
                ContractRowMapping.invoiceCells(INVOICE));
        assertSameInternalRow(ContractRowMapping.PAYMENTS, ContractRowMapping.paymentRow(PAYMENT),
                ContractRowMapping.paymentCells(PAYMENT));
        assertSameInternalRow(ContractRowMapping.CONTACTS, ContractRowMapping.contactRow(CONTACT),
                ContractRowMapping.contactCells(CONTACT));
        assertSameInternalRow(ContractRowMapping.CONTACTS, ContractRowMapping.contactRow(beforeEpochWithMicros),
                ContractRowMapping.contactCells(beforeEpochWithMicros));
    }

    /** The external row as Spark's encoder stores it equals the cells as they are, byte for byte. */
    private static void assertSameInternalRow(StructType schema, Row external, Object[] cells) {
        UnsafeProjection toUnsafe = UnsafeProjection.create(schema);
        ExpressionEncoder<Row> encoder = (ExpressionEncoder<Row>) Encoders.row(schema);
        InternalRow encoded = toUnsafe.apply(encoder.createSerializer().apply(external)).copy();
        InternalRow direct = toUnsafe.apply(new GenericInternalRow(cells)).copy();
        assertEquals(encoded, direct);
    }

    @Test
    void rowsHoldWireNamesAndSqlDates() {
        Row row = ContractRowMapping.customerRow(CUSTOMER);
        assertEquals(ContractRowMapping.CUSTOMERS.size(), row.size());
        assertEquals("America/Chicago", row.get(3));
        assertEquals("sms", row.get(4));
        assertEquals(Date.valueOf("2020-05-17"), row.get(7));
        Row contact = ContractRowMapping.contactRow(CONTACT);
        assertEquals("phone", contact.get(3));
        assertEquals("promise_to_pay", contact.get(4));
    }

    @Test
    void rowWithSchemaIsReadByColumnName() {
        Row reordered = new GenericRowWithSchema(
                new Object[] {50.0, "extra", LocalDate.of(2024, 1, 20), "I1", null},
                new org.apache.spark.sql.types.StructType()
                        .add("amount", "double").add("note", "string").add("payment_date", "date")
                        .add("invoice_id", "string").add("payment_id", "string"));
        assertEquals(PAYMENT, ContractRowMapping.payment(reordered));
    }

    @Test
    void acceptsJavaTimeValues() {
        Row row = RowFactory.create("K1", "C1", Instant.parse("2024-02-05T19:05:00Z"), "phone", "promise_to_pay");
        assertEquals(CONTACT, ContractRowMapping.contact(row));
    }

    @Test
    void refusesValuesOutsideTheVocabulary() {
        Row row = RowFactory.create("K1", "C1", Instant.parse("2024-02-05T19:05:00Z"), "fax", null);
        assertThrows(IllegalArgumentException.class, () -> ContractRowMapping.contact(row));
    }
}
