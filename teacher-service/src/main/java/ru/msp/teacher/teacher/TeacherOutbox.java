package ru.msp.teacher.teacher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class TeacherOutbox {

    @Bean
    OutboxCollection teachersOutbox() {
        return new OutboxCollection(Teacher.COLLECTION);
    }
}
