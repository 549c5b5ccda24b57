package ru.msp.infra.token;

/** A token request the CLI refuses (unknown role, missing scope claim, bad TTL, unknown option): exit code 2. */
public class InvalidTokenRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenRequestException(String message) {
        super(message);
    }
}
