package ru.msp.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Minimal {@code --name value} parser for the launcher mains. */
public final class CliArgs {

    private final Map<String, String> values = new HashMap<>();

    private CliArgs() {}

    /**
     * Parses {@code --name value} and {@code --name=value} pairs; rejects names not in {@code allowed}.
     *
     * @throws IllegalArgumentException on an unknown option or a missing value
     */
    public static CliArgs parse(String[] args, Set<String> allowed) {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value for --" + name);
                }
                value = args[++i];
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + " (allowed: " + allowed + ")");
            }
            parsed.values.put(name, value);
        }
        return parsed;
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public String get(String name) {
        return values.get(name);
    }

    public int getPort(String name, int defaultValue) {
        return whole(name, defaultValue, 1, 65535, "a port number 1-65535", "a port number");
    }

    /** A whole number from 0 to 100. */
    public int getPercent(String name, int defaultValue) {
        return whole(name, defaultValue, 0, 100, "from 0 to 100", "a whole number");
    }

    /** A positive whole number, e.g. a size in megabytes. */
    public int getPositive(String name, int defaultValue) {
        return whole(name, defaultValue, 1, Integer.MAX_VALUE, "positive", "a whole number");
    }

    private int whole(String name, int defaultValue, int min, int max, String range, String kind) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be " + kind + ": " + value, e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException("--" + name + " must be " + range + ": " + value);
        }
        return number;
    }

    /** Points Log4j 2 at the bundled console configuration unless the caller chose one. */
    public static void useConsoleLogging() {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "ru/msp/infra/log4j2-console.xml");
        }
    }
}
