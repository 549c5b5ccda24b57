package ru.msp.indicators.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year, 1 September to 31 August, written as in Russian documents and in the API: {@code 2025/2026}.
 *
 * @param startYear the calendar year in which it begins
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})/(\\d{4})");

    public SchoolYear {
        if (startYear < 1900 || startYear > 2999) {
            throw new IllegalArgumentException("school year starting in " + startYear + " is out of range");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SchoolYear parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException("a school year is written like 2025/2026, not " + text);
        }
        return new SchoolYear(Integer.parseInt(m.group(1)));
    }

    /** The school year a date falls in. */
    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    /** Whether this school year shares at least one day with the period from {@code from} to {@code to}, inclusive. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !firstDay().isAfter(to) && !lastDay().isBefore(from);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @JsonValue
    @Override
    public String toString() {
        return startYear + "/" + (startYear + 1);
    }
}
