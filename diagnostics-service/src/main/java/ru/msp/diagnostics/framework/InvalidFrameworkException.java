package ru.msp.diagnostics.framework;

import java.util.List;

/** A framework file that must not be served: the service refuses to start rather than diagnose against it. */
public class InvalidFrameworkException extends IllegalStateException {

    private final List<String> problems;

    public InvalidFrameworkException(String origin, List<String> problems) {
        super("Competency framework " + origin + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
