package ru.msp.contracts;

/** A record that is not a CloudEvent this build can read. Retrying cannot help: it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
