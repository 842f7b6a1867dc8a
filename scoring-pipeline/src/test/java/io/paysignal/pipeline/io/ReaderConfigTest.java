package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReaderConfigTest {

    @Test
    void defaultsAreUsdAndOnePercent() {
        assertEquals(new ReaderConfig("USD", 0.01), ReaderConfig.defaults());
    }

    @Test
    void refusesACurrencyThatIsNoIsoCode() {
        assertThrows(IllegalArgumentException.class, () -> new ReaderConfig("usd", 0.01));
        assertThrows(IllegalArgumentException.class, () -> new ReaderConfig("", 0.01));
        assertThrows(IllegalArgumentException.class, () -> new ReaderConfig(null, 0.01));
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ReaderConfig("USD", -0.1));
        assertThrows(IllegalArgumentException.class, () -> new ReaderConfig("USD", 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ReaderConfig("USD", Double.NaN));
    }

    @Test
    void withersChangeOneSetting() {
        assertEquals(new ReaderConfig("EUR", 0.01), ReaderConfig.defaults().withDefaultCurrency("EUR"));
        assertEquals(new ReaderConfig("USD", 0.5), ReaderConfig.defaults().withMaxRejectShare(0.5));
    }
}
