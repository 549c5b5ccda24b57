package ru.msp.contracts;

/**
 * One kind of event: the topic it travels on, its CloudEvents {@code type} and the record its data binds to.
 *
 * @param name short name such as {@code DiagnosticCompleted}
 * @param version schema version; a breaking change gets a new version and a new type string
 */
public record EventType<P extends EventPayload>(Topic topic, String name, int version, Class<P> payloadClass) {

    /** The CloudEvents type attribute, e.g. {@code ru.msp.diagnostics.DiagnosticCompleted.v1}. */
    public String type() {
        return "ru.msp." + topic.owner() + "." + name + ".v" + version;
    }
}
