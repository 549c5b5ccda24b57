package ru.msp.indicators.value;

/** A change to apply to one counter: {@code $inc} of numerator and denominator. */
public record CounterDelta(CounterKey key, long numerator, long denominator) {}
