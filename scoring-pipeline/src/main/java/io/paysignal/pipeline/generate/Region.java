package io.paysignal.pipeline.generate;

import java.time.ZoneId;
import java.util.List;

/**
 * Where a customer lives: country, IANA zone, currency and a rough exchange rate that scales USD-based
 * amounts into local money. The southern hemisphere has its summer slowdown in January and February.
 *
 * @param country ISO 3166-1 alpha-2
 * @param zone IANA time zone
 * @param currency ISO 4217
 * @param unitsPerUsd local currency units per US dollar (approximate, for plausible amounts)
 * @param southernHemisphere true when summer falls in January/February
 * @param weight relative share of customers
 */
record Region(String country, ZoneId zone, String currency, double unitsPerUsd, boolean southernHemisphere,
              double weight) {

    /** The regions customers are drawn from, on five continents. */
    static final List<Region> ALL = List.of(
            new Region("US", ZoneId.of("America/New_York"), "USD", 1, false, 14),
            new Region("US", ZoneId.of("America/Chicago"), "USD", 1, false, 10),
            new Region("US", ZoneId.of("America/Denver"), "USD", 1, false, 4),
            new Region("US", ZoneId.of("America/Los_Angeles"), "USD", 1, false, 9),
            new Region("CA", ZoneId.of("America/Toronto"), "CAD", 1.35, false, 5),
            new Region("MX", ZoneId.of("America/Mexico_City"), "MXN", 17, false, 4),
            new Region("BR", ZoneId.of("America/Sao_Paulo"), "BRL", 5, true, 6),
            new Region("GB", ZoneId.of("Europe/London"), "GBP", 0.8, false, 8),
            new Region("DE", ZoneId.of("Europe/Berlin"), "EUR", 0.92, false, 8),
            new Region("FR", ZoneId.of("Europe/Paris"), "EUR", 0.92, false, 5),
            new Region("IN", ZoneId.of("Asia/Kolkata"), "INR", 83, false, 7),
            new Region("SG", ZoneId.of("Asia/Singapore"), "SGD", 1.35, false, 3),
            new Region("JP", ZoneId.of("Asia/Tokyo"), "JPY", 150, false, 4),
            new Region("AU", ZoneId.of("Australia/Sydney"), "AUD", 1.5, true, 6),
            new Region("NZ", ZoneId.of("Pacific/Auckland"), "NZD", 1.6, true, 2),
            new Region("ZA", ZoneId.of("Africa/Johannesburg"), "ZAR", 18, true, 3));

    /** The weights of {@link #ALL}, in order. */
    static double[] weights() {
        return ALL.stream().mapToDouble(Region::weight).toArray();
    }
}
