package ru.msp.teacher.teacher;

import java.util.List;

/** One page of a search and how many teachers match in all. */
public record TeacherPage(List<Teacher> teachers, long total) {}
