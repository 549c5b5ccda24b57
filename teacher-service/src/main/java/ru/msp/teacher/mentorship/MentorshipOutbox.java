package ru.msp.teacher.mentorship;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.support.outbox.OutboxCollection;

@Configuration(proxyBeanMethods = false)
class MentorshipOutbox {

    @Bean
    OutboxCollection mentorshipsOutbox() {
        return new OutboxCollection(Mentorship.COLLECTION);
    }
}
