package ru.msp.diagnostics.framework;

/**
 * A post a diagnosed person holds, e.g. {@code TEACHER} or {@code DIRECTOR}: decides which competencies are measured.
 *
 * @param managerial a management post: only management competencies apply to it
 */
public record Position(String code, String nameRu, String nameEn, boolean managerial) {}
