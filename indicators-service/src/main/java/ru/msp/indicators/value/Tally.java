package ru.msp.indicators.value;

/** What one fact document adds to a counter, or a counter's total: numerator and denominator. */
public record Tally(long numerator, long denominator) {

    public static final Tally ZERO = new Tally(0, 0);

    public static Tally of(boolean inNumerator, boolean inDenominator) {
        return new Tally(inNumerator ? 1 : 0, inDenominator ? 1 : 0);
    }

    public Tally plus(Tally other) {
        return new Tally(numerator + other.numerator, denominator + other.denominator);
    }

    public Tally minus(Tally other) {
        return new Tally(numerator - other.numerator, denominator - other.denominator);
    }

    public boolean isZero() {
        return numerator == 0 && denominator == 0;
    }
}
