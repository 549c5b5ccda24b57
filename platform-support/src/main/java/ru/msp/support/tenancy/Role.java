package ru.msp.support.tenancy;

/** Roles carried in the token's {@code roles} claim (DESIGN.md, "Tenancy and security"). */
public enum Role {
    ADMIN,
    REGIONAL_OPERATOR,
    MUNICIPAL_OPERATOR,
    METHODIST,
    SCHOOL_SYSTEM,
    TEACHER
}
