package io.paysignal.core.policy;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Days on which no customer is contacted, as local dates in the customer's own time zone.
 *
 * @param everywhere holidays for every customer
 * @param byCountry extra holidays per ISO 3166-1 alpha-2 country code (upper case), applied to customers of
 *                  that {@code country}
 */
public record HolidayCalendar(Set<LocalDate> everywhere, Map<String, Set<LocalDate>> byCountry)
        implements Serializable {

    public HolidayCalendar {
        everywhere = everywhere == null ? Set.of() : Set.copyOf(everywhere);
        Map<String, Set<LocalDate>> copy = new HashMap<>();
        if (byCountry != null) {
            byCountry.forEach((country, days) -> {
                if (country == null || country.isBlank()) {
                    throw new IllegalArgumentException("holiday country code must not be blank");
                }
                copy.put(country.trim().toUpperCase(Locale.ROOT), days == null ? Set.of() : Set.copyOf(days));
            });
        }
        byCountry = Map.copyOf(copy);
    }

    /** A calendar without holidays. */
    public static HolidayCalendar none() {
        return new HolidayCalendar(Set.of(), Map.of());
    }

    /** True when {@code localDate} is a holiday for a customer in {@code country} (null: no country). */
    public boolean isHoliday(String country, LocalDate localDate) {
        if (everywhere.contains(localDate)) {
            return true;
        }
        if (country == null) {
            return false;
        }
        Set<LocalDate> days = byCountry.get(country.trim().toUpperCase(Locale.ROOT));
        return days != null && days.contains(localDate);
    }
}
