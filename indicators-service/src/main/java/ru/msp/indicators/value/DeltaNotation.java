package ru.msp.indicators.value;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * A counter delta as one string, {@code numerator|denominator|code|period|KIND|scopeId|regionId|municipalityId|
 * organizationId}: how the pending deltas of a fact document are stored. A teacher's change carries a hundred of them
 * (every indicator × its organisation, municipality, region and target groups), and each as a sub-document of nine
 * fields made the fact documents' mapping and coding, and the store's copies of them, the largest costs of the
 * service. A {@code |} or {@code %} inside a part is escaped ({@code %7C}, {@code %25}); an absent part is empty (no
 * id is blank). Deltas stored as sub-documents before still read: this converter only reads strings.
 */
public final class DeltaNotation {

    private static final char SEPARATOR = '|';
    private static final int PARTS = 9;

    private DeltaNotation() {}

    public static String write(CounterDelta delta) {
        CounterKey key = delta.key();
        StringBuilder out = new StringBuilder(160);
        out.append(delta.numerator()).append(SEPARATOR).append(delta.denominator());
        part(out, key.indicatorCode());
        part(out, key.period());
        part(out, key.scopeKind().name());
        part(out, key.scopeId());
        part(out, key.regionId());
        part(out, key.municipalityId());
        part(out, key.organizationId());
        return out.toString();
    }

    /** One more part, escaped; an absent one empty. */
    private static void part(StringBuilder out, String part) {
        out.append(SEPARATOR).append(part == null ? "" : escape(part));
    }

    public static CounterDelta read(String written) {
        String[] parts = written.split("\\|", -1);
        if (parts.length != PARTS) {
            throw new IllegalArgumentException("not a counter delta: " + written);
        }
        CounterKey key = new CounterKey(
                unescape(parts[2]),
                unescape(parts[3]),
                ScopeKind.valueOf(parts[4]),
                unescape(parts[5]),
                emptyToNull(unescape(parts[6])),
                emptyToNull(unescape(parts[7])),
                emptyToNull(unescape(parts[8])));
        return new CounterDelta(key, Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private static String escape(String part) {
        if (part.indexOf('%') < 0 && part.indexOf(SEPARATOR) < 0) {
            return part;
        }
        return part.replace("%", "%25").replace("|", "%7C");
    }

    private static String unescape(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        return part.replace("%7C", "|").replace("%25", "%");
    }

    private static String emptyToNull(String part) {
        return part.isEmpty() ? null : part;
    }

    @WritingConverter
    enum Writing implements Converter<CounterDelta, String> {
        INSTANCE;

        @Override
        public String convert(CounterDelta delta) {
            return write(delta);
        }
    }

    @ReadingConverter
    enum Reading implements Converter<String, CounterDelta> {
        INSTANCE;

        @Override
        public CounterDelta convert(String written) {
            return read(written);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Conversions {

        @Bean
        MongoCustomConversions mongoCustomConversions() {
            return new MongoCustomConversions(List.of(Writing.INSTANCE, Reading.INSTANCE));
        }
    }
}
