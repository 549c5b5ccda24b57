package ru.msp.contracts;

/** How strong a professional deficit is: decides whether an individual route or targeted events are needed. */
public enum DeficitSeverity {
    /** Under 60% of the maximum: an individual educational route is needed. */
    PRONOUNCED,
    /** 60-80%: targeted courses or events. */
    PARTIAL
}
