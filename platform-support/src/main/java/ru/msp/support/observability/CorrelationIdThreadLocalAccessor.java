package ru.msp.support.observability;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/** Lets Reactor's automatic context propagation restore the correlation id into the MDC on every thread hop. */
public class CorrelationIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return CorrelationId.MDC_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(CorrelationId.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(CorrelationId.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(CorrelationId.MDC_KEY);
    }
}
